-- CreateTable
CREATE TABLE "Source" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "lastUpdated" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "locator" TEXT NOT NULL,
    "note" TEXT,
    "treatmentId" INTEGER,
    "aliasId" INTEGER,
    "componentId" INTEGER,
    "combinationId" INTEGER,
    "treatmentTechniqueId" INTEGER,
    "treatmentActiveIngredientId" INTEGER,
    "treatmentIndicationId" INTEGER,
    "treatmentContraindicationId" INTEGER,
    "treatmentSideEffectId" INTEGER,
    "treatmentBodyAreaId" INTEGER,
    "protocolClaimId" INTEGER,
    "limitationId" INTEGER,
    "settingId" INTEGER,
    "anaesthesiaOptionId" INTEGER,
    "regulatoryStatusId" INTEGER,
    "techniqueId" INTEGER,
    "activeIngredientId" INTEGER,
    "indicationId" INTEGER,
    "contraindicationId" INTEGER,
    "sideEffectId" INTEGER,
    "bodyAreaId" INTEGER,
    "authorityId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_aliasId_fkey" FOREIGN KEY ("aliasId") REFERENCES "TreatmentAlias" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "TreatmentComponent" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_combinationId_fkey" FOREIGN KEY ("combinationId") REFERENCES "TreatmentCombination" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_treatmentTechniqueId_fkey" FOREIGN KEY ("treatmentTechniqueId") REFERENCES "TreatmentTechnique" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_treatmentActiveIngredientId_fkey" FOREIGN KEY ("treatmentActiveIngredientId") REFERENCES "TreatmentActiveIngredient" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_treatmentIndicationId_fkey" FOREIGN KEY ("treatmentIndicationId") REFERENCES "TreatmentIndication" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_treatmentContraindicationId_fkey" FOREIGN KEY ("treatmentContraindicationId") REFERENCES "TreatmentContraindication" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_treatmentSideEffectId_fkey" FOREIGN KEY ("treatmentSideEffectId") REFERENCES "TreatmentSideEffect" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_treatmentBodyAreaId_fkey" FOREIGN KEY ("treatmentBodyAreaId") REFERENCES "TreatmentBodyArea" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_protocolClaimId_fkey" FOREIGN KEY ("protocolClaimId") REFERENCES "ProtocolClaim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_limitationId_fkey" FOREIGN KEY ("limitationId") REFERENCES "Limitation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_settingId_fkey" FOREIGN KEY ("settingId") REFERENCES "TreatmentSetting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_anaesthesiaOptionId_fkey" FOREIGN KEY ("anaesthesiaOptionId") REFERENCES "AnaesthesiaOption" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_regulatoryStatusId_fkey" FOREIGN KEY ("regulatoryStatusId") REFERENCES "RegulatoryStatus" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_techniqueId_fkey" FOREIGN KEY ("techniqueId") REFERENCES "Technique" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_activeIngredientId_fkey" FOREIGN KEY ("activeIngredientId") REFERENCES "ActiveIngredient" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_indicationId_fkey" FOREIGN KEY ("indicationId") REFERENCES "Indication" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_contraindicationId_fkey" FOREIGN KEY ("contraindicationId") REFERENCES "Contraindication" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_sideEffectId_fkey" FOREIGN KEY ("sideEffectId") REFERENCES "SideEffect" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_bodyAreaId_fkey" FOREIGN KEY ("bodyAreaId") REFERENCES "BodyArea" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TerminologyCode" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "display" TEXT NOT NULL,
    "activeIngredientId" INTEGER,
    "indicationId" INTEGER,
    "contraindicationId" INTEGER,
    "sideEffectId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TerminologyCode_activeIngredientId_fkey" FOREIGN KEY ("activeIngredientId") REFERENCES "ActiveIngredient" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TerminologyCode_indicationId_fkey" FOREIGN KEY ("indicationId") REFERENCES "Indication" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TerminologyCode_contraindicationId_fkey" FOREIGN KEY ("contraindicationId") REFERENCES "Contraindication" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TerminologyCode_sideEffectId_fkey" FOREIGN KEY ("sideEffectId") REFERENCES "SideEffect" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Treatment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT,
    "summaryFr" TEXT NOT NULL,
    "summaryEn" TEXT,
    "mechanismFr" TEXT,
    "mechanismEn" TEXT,
    "searchText" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TreatmentAlias" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TreatmentAlias_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TreatmentComponent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "componentId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TreatmentComponent_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TreatmentComponent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TreatmentCombination" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "otherId" INTEGER NOT NULL,
    "noteFr" TEXT,
    "noteEn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TreatmentCombination_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TreatmentCombination_otherId_fkey" FOREIGN KEY ("otherId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Technique" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT,
    "descriptionFr" TEXT,
    "descriptionEn" TEXT,
    "searchText" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TreatmentTechnique" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "techniqueId" INTEGER NOT NULL,
    "noteFr" TEXT,
    "noteEn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TreatmentTechnique_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TreatmentTechnique_techniqueId_fkey" FOREIGN KEY ("techniqueId") REFERENCES "Technique" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActiveIngredient" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT,
    "descriptionFr" TEXT,
    "descriptionEn" TEXT,
    "searchText" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TreatmentActiveIngredient" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "activeIngredientId" INTEGER NOT NULL,
    "noteFr" TEXT,
    "noteEn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TreatmentActiveIngredient_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TreatmentActiveIngredient_activeIngredientId_fkey" FOREIGN KEY ("activeIngredientId") REFERENCES "ActiveIngredient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Indication" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT,
    "descriptionFr" TEXT,
    "descriptionEn" TEXT,
    "category" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TreatmentIndication" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "indicationId" INTEGER NOT NULL,
    "noteFr" TEXT,
    "noteEn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TreatmentIndication_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TreatmentIndication_indicationId_fkey" FOREIGN KEY ("indicationId") REFERENCES "Indication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Contraindication" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT,
    "descriptionFr" TEXT,
    "descriptionEn" TEXT,
    "category" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TreatmentContraindication" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "contraindicationId" INTEGER NOT NULL,
    "severity" TEXT NOT NULL,
    "noteFr" TEXT,
    "noteEn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TreatmentContraindication_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TreatmentContraindication_contraindicationId_fkey" FOREIGN KEY ("contraindicationId") REFERENCES "Contraindication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SideEffect" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT,
    "descriptionFr" TEXT,
    "descriptionEn" TEXT,
    "searchText" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TreatmentSideEffect" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "sideEffectId" INTEGER NOT NULL,
    "frequencyFr" TEXT,
    "frequencyEn" TEXT,
    "typicalDurationFr" TEXT,
    "typicalDurationEn" TEXT,
    "noteFr" TEXT,
    "noteEn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TreatmentSideEffect_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TreatmentSideEffect_sideEffectId_fkey" FOREIGN KEY ("sideEffectId") REFERENCES "SideEffect" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BodyArea" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT,
    "descriptionFr" TEXT,
    "descriptionEn" TEXT,
    "searchText" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TreatmentBodyArea" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "bodyAreaId" INTEGER NOT NULL,
    "noteFr" TEXT,
    "noteEn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TreatmentBodyArea_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TreatmentBodyArea_bodyAreaId_fkey" FOREIGN KEY ("bodyAreaId") REFERENCES "BodyArea" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProtocolClaim" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "textFr" TEXT NOT NULL,
    "textEn" TEXT,
    "min" REAL,
    "max" REAL,
    "unit" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProtocolClaim_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Limitation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "textFr" TEXT NOT NULL,
    "textEn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Limitation_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TreatmentSetting" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "setting" TEXT NOT NULL,
    "allowed" BOOLEAN NOT NULL,
    "textFr" TEXT NOT NULL,
    "textEn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TreatmentSetting_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AnaesthesiaOption" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "textFr" TEXT NOT NULL,
    "textEn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AnaesthesiaOption_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Jurisdiction" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Authority" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "acronym" TEXT,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT,
    "jurisdictionId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Authority_jurisdictionId_fkey" FOREIGN KEY ("jurisdictionId") REFERENCES "Jurisdiction" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegulatoryStatus" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "jurisdictionId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "authorityId" INTEGER,
    "reasonFr" TEXT NOT NULL,
    "reasonEn" TEXT,
    "settingRestrictionsFr" TEXT,
    "settingRestrictionsEn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RegulatoryStatus_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RegulatoryStatus_jurisdictionId_fkey" FOREIGN KEY ("jurisdictionId") REFERENCES "Jurisdiction" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RegulatoryStatus_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_slug_key" ON "Source"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Source_fileName_key" ON "Source"("fileName");

-- CreateIndex
CREATE UNIQUE INDEX "Citation_key_key" ON "Citation"("key");

-- CreateIndex
CREATE INDEX "Citation_sourceId_idx" ON "Citation"("sourceId");

-- CreateIndex
CREATE INDEX "Citation_treatmentId_idx" ON "Citation"("treatmentId");

-- CreateIndex
CREATE INDEX "Citation_aliasId_idx" ON "Citation"("aliasId");

-- CreateIndex
CREATE INDEX "Citation_componentId_idx" ON "Citation"("componentId");

-- CreateIndex
CREATE INDEX "Citation_combinationId_idx" ON "Citation"("combinationId");

-- CreateIndex
CREATE INDEX "Citation_treatmentTechniqueId_idx" ON "Citation"("treatmentTechniqueId");

-- CreateIndex
CREATE INDEX "Citation_treatmentActiveIngredientId_idx" ON "Citation"("treatmentActiveIngredientId");

-- CreateIndex
CREATE INDEX "Citation_treatmentIndicationId_idx" ON "Citation"("treatmentIndicationId");

-- CreateIndex
CREATE INDEX "Citation_treatmentContraindicationId_idx" ON "Citation"("treatmentContraindicationId");

-- CreateIndex
CREATE INDEX "Citation_treatmentSideEffectId_idx" ON "Citation"("treatmentSideEffectId");

-- CreateIndex
CREATE INDEX "Citation_treatmentBodyAreaId_idx" ON "Citation"("treatmentBodyAreaId");

-- CreateIndex
CREATE INDEX "Citation_protocolClaimId_idx" ON "Citation"("protocolClaimId");

-- CreateIndex
CREATE INDEX "Citation_limitationId_idx" ON "Citation"("limitationId");

-- CreateIndex
CREATE INDEX "Citation_settingId_idx" ON "Citation"("settingId");

-- CreateIndex
CREATE INDEX "Citation_anaesthesiaOptionId_idx" ON "Citation"("anaesthesiaOptionId");

-- CreateIndex
CREATE INDEX "Citation_regulatoryStatusId_idx" ON "Citation"("regulatoryStatusId");

-- CreateIndex
CREATE INDEX "Citation_techniqueId_idx" ON "Citation"("techniqueId");

-- CreateIndex
CREATE INDEX "Citation_activeIngredientId_idx" ON "Citation"("activeIngredientId");

-- CreateIndex
CREATE INDEX "Citation_indicationId_idx" ON "Citation"("indicationId");

-- CreateIndex
CREATE INDEX "Citation_contraindicationId_idx" ON "Citation"("contraindicationId");

-- CreateIndex
CREATE INDEX "Citation_sideEffectId_idx" ON "Citation"("sideEffectId");

-- CreateIndex
CREATE INDEX "Citation_bodyAreaId_idx" ON "Citation"("bodyAreaId");

-- CreateIndex
CREATE INDEX "Citation_authorityId_idx" ON "Citation"("authorityId");

-- CreateIndex
CREATE UNIQUE INDEX "TerminologyCode_key_key" ON "TerminologyCode"("key");

-- CreateIndex
CREATE INDEX "TerminologyCode_activeIngredientId_idx" ON "TerminologyCode"("activeIngredientId");

-- CreateIndex
CREATE INDEX "TerminologyCode_indicationId_idx" ON "TerminologyCode"("indicationId");

-- CreateIndex
CREATE INDEX "TerminologyCode_contraindicationId_idx" ON "TerminologyCode"("contraindicationId");

-- CreateIndex
CREATE INDEX "TerminologyCode_sideEffectId_idx" ON "TerminologyCode"("sideEffectId");

-- CreateIndex
CREATE UNIQUE INDEX "Treatment_slug_key" ON "Treatment"("slug");

-- CreateIndex
CREATE INDEX "Treatment_nameFr_idx" ON "Treatment"("nameFr");

-- CreateIndex
CREATE INDEX "Treatment_updatedAt_idx" ON "Treatment"("updatedAt");

-- CreateIndex
CREATE INDEX "Treatment_searchText_idx" ON "Treatment"("searchText");

-- CreateIndex
CREATE INDEX "TreatmentAlias_value_idx" ON "TreatmentAlias"("value");

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentAlias_treatmentId_value_key" ON "TreatmentAlias"("treatmentId", "value");

-- CreateIndex
CREATE INDEX "TreatmentComponent_componentId_idx" ON "TreatmentComponent"("componentId");

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentComponent_treatmentId_componentId_key" ON "TreatmentComponent"("treatmentId", "componentId");

-- CreateIndex
CREATE INDEX "TreatmentCombination_otherId_idx" ON "TreatmentCombination"("otherId");

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentCombination_treatmentId_otherId_key" ON "TreatmentCombination"("treatmentId", "otherId");

-- CreateIndex
CREATE UNIQUE INDEX "Technique_slug_key" ON "Technique"("slug");

-- CreateIndex
CREATE INDEX "Technique_nameFr_idx" ON "Technique"("nameFr");

-- CreateIndex
CREATE INDEX "TreatmentTechnique_techniqueId_idx" ON "TreatmentTechnique"("techniqueId");

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentTechnique_treatmentId_techniqueId_key" ON "TreatmentTechnique"("treatmentId", "techniqueId");

-- CreateIndex
CREATE UNIQUE INDEX "ActiveIngredient_slug_key" ON "ActiveIngredient"("slug");

-- CreateIndex
CREATE INDEX "ActiveIngredient_nameFr_idx" ON "ActiveIngredient"("nameFr");

-- CreateIndex
CREATE INDEX "TreatmentActiveIngredient_activeIngredientId_idx" ON "TreatmentActiveIngredient"("activeIngredientId");

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentActiveIngredient_treatmentId_activeIngredientId_key" ON "TreatmentActiveIngredient"("treatmentId", "activeIngredientId");

-- CreateIndex
CREATE UNIQUE INDEX "Indication_slug_key" ON "Indication"("slug");

-- CreateIndex
CREATE INDEX "Indication_nameFr_idx" ON "Indication"("nameFr");

-- CreateIndex
CREATE INDEX "TreatmentIndication_indicationId_idx" ON "TreatmentIndication"("indicationId");

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentIndication_treatmentId_indicationId_key" ON "TreatmentIndication"("treatmentId", "indicationId");

-- CreateIndex
CREATE UNIQUE INDEX "Contraindication_slug_key" ON "Contraindication"("slug");

-- CreateIndex
CREATE INDEX "Contraindication_nameFr_idx" ON "Contraindication"("nameFr");

-- CreateIndex
CREATE INDEX "TreatmentContraindication_contraindicationId_idx" ON "TreatmentContraindication"("contraindicationId");

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentContraindication_treatmentId_contraindicationId_key" ON "TreatmentContraindication"("treatmentId", "contraindicationId");

-- CreateIndex
CREATE UNIQUE INDEX "SideEffect_slug_key" ON "SideEffect"("slug");

-- CreateIndex
CREATE INDEX "SideEffect_nameFr_idx" ON "SideEffect"("nameFr");

-- CreateIndex
CREATE INDEX "TreatmentSideEffect_sideEffectId_idx" ON "TreatmentSideEffect"("sideEffectId");

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentSideEffect_treatmentId_sideEffectId_key" ON "TreatmentSideEffect"("treatmentId", "sideEffectId");

-- CreateIndex
CREATE UNIQUE INDEX "BodyArea_slug_key" ON "BodyArea"("slug");

-- CreateIndex
CREATE INDEX "BodyArea_nameFr_idx" ON "BodyArea"("nameFr");

-- CreateIndex
CREATE INDEX "TreatmentBodyArea_bodyAreaId_idx" ON "TreatmentBodyArea"("bodyAreaId");

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentBodyArea_treatmentId_bodyAreaId_key" ON "TreatmentBodyArea"("treatmentId", "bodyAreaId");

-- CreateIndex
CREATE INDEX "ProtocolClaim_kind_idx" ON "ProtocolClaim"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "ProtocolClaim_treatmentId_key_key" ON "ProtocolClaim"("treatmentId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Limitation_treatmentId_key_key" ON "Limitation"("treatmentId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentSetting_treatmentId_key_key" ON "TreatmentSetting"("treatmentId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "AnaesthesiaOption_treatmentId_key_key" ON "AnaesthesiaOption"("treatmentId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Jurisdiction_code_key" ON "Jurisdiction"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Authority_slug_key" ON "Authority"("slug");

-- CreateIndex
CREATE INDEX "Authority_jurisdictionId_idx" ON "Authority"("jurisdictionId");

-- CreateIndex
CREATE INDEX "RegulatoryStatus_jurisdictionId_status_idx" ON "RegulatoryStatus"("jurisdictionId", "status");

-- CreateIndex
CREATE INDEX "RegulatoryStatus_authorityId_idx" ON "RegulatoryStatus"("authorityId");

-- CreateIndex
CREATE UNIQUE INDEX "RegulatoryStatus_treatmentId_jurisdictionId_key" ON "RegulatoryStatus"("treatmentId", "jurisdictionId");
