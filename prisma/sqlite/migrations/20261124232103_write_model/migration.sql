-- CreateTable
CREATE TABLE "SourceSection" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceId" INTEGER NOT NULL,
    "locator" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SourceSection_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChangeLog" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dataVersion" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "entityKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dataVersion" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "recordId" INTEGER,
    "before" TEXT,
    "after" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
-- Existing data: one section per locator already cited, in locator order within its source
-- (the seed loader rewrites positions from sources.yaml on its next run).
INSERT INTO "SourceSection" ("sourceId", "locator", "position", "updatedAt")
SELECT "sourceId", "locator", ROW_NUMBER() OVER (PARTITION BY "sourceId" ORDER BY "locator"), CURRENT_TIMESTAMP
FROM (SELECT DISTINCT "sourceId", "locator" FROM "Citation") AS cited;

PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Source" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "lastUpdated" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Source" ("createdAt", "fileName", "id", "kind", "language", "lastUpdated", "slug", "title", "updatedAt") SELECT "createdAt", "fileName", "id", "kind", "language", "lastUpdated", "slug", "title", "updatedAt" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE UNIQUE INDEX "Source_slug_key" ON "Source"("slug");
CREATE UNIQUE INDEX "Source_fileName_key" ON "Source"("fileName");
CREATE TABLE "new_Citation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "sectionId" INTEGER NOT NULL,
    "note" TEXT,
    "claimType" TEXT NOT NULL,
    "claimSubject" TEXT NOT NULL,
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
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "SourceSection" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
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
-- The claim a citation supports, stored: existing rows take it from their seed key
-- (`<claimType>:<claimSubject>|<source>|<locator>`), their section from their locator.
INSERT INTO "new_Citation" ("activeIngredientId", "aliasId", "anaesthesiaOptionId", "authorityId", "bodyAreaId", "combinationId", "componentId", "contraindicationId", "createdAt", "id", "indicationId", "key", "limitationId", "note", "protocolClaimId", "regulatoryStatusId", "settingId", "sideEffectId", "sourceId", "techniqueId", "treatmentActiveIngredientId", "treatmentBodyAreaId", "treatmentContraindicationId", "treatmentId", "treatmentIndicationId", "treatmentSideEffectId", "treatmentTechniqueId", "updatedAt", "claimType", "claimSubject", "sectionId") SELECT "activeIngredientId", "aliasId", "anaesthesiaOptionId", "authorityId", "bodyAreaId", "combinationId", "componentId", "contraindicationId", "createdAt", "id", "indicationId", "key", "limitationId", "note", "protocolClaimId", "regulatoryStatusId", "settingId", "sideEffectId", "sourceId", "techniqueId", "treatmentActiveIngredientId", "treatmentBodyAreaId", "treatmentContraindicationId", "treatmentId", "treatmentIndicationId", "treatmentSideEffectId", "treatmentTechniqueId", "updatedAt", substr("key", 1, instr("key", ':') - 1), substr("key", instr("key", ':') + 1, instr("key", '|') - instr("key", ':') - 1), (SELECT s."id" FROM "SourceSection" s WHERE s."sourceId" = "Citation"."sourceId" AND s."locator" = "Citation"."locator") FROM "Citation";
DROP TABLE "Citation";
ALTER TABLE "new_Citation" RENAME TO "Citation";
CREATE UNIQUE INDEX "Citation_key_key" ON "Citation"("key");
CREATE INDEX "Citation_sourceId_id_idx" ON "Citation"("sourceId", "id");
CREATE INDEX "Citation_sectionId_idx" ON "Citation"("sectionId");
CREATE INDEX "Citation_treatmentId_idx" ON "Citation"("treatmentId");
CREATE INDEX "Citation_aliasId_idx" ON "Citation"("aliasId");
CREATE INDEX "Citation_componentId_idx" ON "Citation"("componentId");
CREATE INDEX "Citation_combinationId_idx" ON "Citation"("combinationId");
CREATE INDEX "Citation_treatmentTechniqueId_idx" ON "Citation"("treatmentTechniqueId");
CREATE INDEX "Citation_treatmentActiveIngredientId_idx" ON "Citation"("treatmentActiveIngredientId");
CREATE INDEX "Citation_treatmentIndicationId_idx" ON "Citation"("treatmentIndicationId");
CREATE INDEX "Citation_treatmentContraindicationId_idx" ON "Citation"("treatmentContraindicationId");
CREATE INDEX "Citation_treatmentSideEffectId_idx" ON "Citation"("treatmentSideEffectId");
CREATE INDEX "Citation_treatmentBodyAreaId_idx" ON "Citation"("treatmentBodyAreaId");
CREATE INDEX "Citation_protocolClaimId_idx" ON "Citation"("protocolClaimId");
CREATE INDEX "Citation_limitationId_idx" ON "Citation"("limitationId");
CREATE INDEX "Citation_settingId_idx" ON "Citation"("settingId");
CREATE INDEX "Citation_anaesthesiaOptionId_idx" ON "Citation"("anaesthesiaOptionId");
CREATE INDEX "Citation_regulatoryStatusId_idx" ON "Citation"("regulatoryStatusId");
CREATE INDEX "Citation_techniqueId_idx" ON "Citation"("techniqueId");
CREATE INDEX "Citation_activeIngredientId_idx" ON "Citation"("activeIngredientId");
CREATE INDEX "Citation_indicationId_idx" ON "Citation"("indicationId");
CREATE INDEX "Citation_contraindicationId_idx" ON "Citation"("contraindicationId");
CREATE INDEX "Citation_sideEffectId_idx" ON "Citation"("sideEffectId");
CREATE INDEX "Citation_bodyAreaId_idx" ON "Citation"("bodyAreaId");
CREATE INDEX "Citation_authorityId_idx" ON "Citation"("authorityId");
CREATE TABLE "new_TerminologyCode" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "display" TEXT NOT NULL,
    "activeIngredientId" INTEGER,
    "indicationId" INTEGER,
    "contraindicationId" INTEGER,
    "sideEffectId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TerminologyCode_activeIngredientId_fkey" FOREIGN KEY ("activeIngredientId") REFERENCES "ActiveIngredient" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TerminologyCode_indicationId_fkey" FOREIGN KEY ("indicationId") REFERENCES "Indication" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TerminologyCode_contraindicationId_fkey" FOREIGN KEY ("contraindicationId") REFERENCES "Contraindication" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TerminologyCode_sideEffectId_fkey" FOREIGN KEY ("sideEffectId") REFERENCES "SideEffect" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TerminologyCode" ("activeIngredientId", "code", "contraindicationId", "createdAt", "display", "id", "indicationId", "key", "sideEffectId", "system", "updatedAt") SELECT "activeIngredientId", "code", "contraindicationId", "createdAt", "display", "id", "indicationId", "key", "sideEffectId", "system", "updatedAt" FROM "TerminologyCode";
DROP TABLE "TerminologyCode";
ALTER TABLE "new_TerminologyCode" RENAME TO "TerminologyCode";
CREATE UNIQUE INDEX "TerminologyCode_key_key" ON "TerminologyCode"("key");
CREATE INDEX "TerminologyCode_activeIngredientId_idx" ON "TerminologyCode"("activeIngredientId");
CREATE INDEX "TerminologyCode_indicationId_idx" ON "TerminologyCode"("indicationId");
CREATE INDEX "TerminologyCode_contraindicationId_idx" ON "TerminologyCode"("contraindicationId");
CREATE INDEX "TerminologyCode_sideEffectId_idx" ON "TerminologyCode"("sideEffectId");
CREATE TABLE "new_Treatment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT,
    "summaryFr" TEXT NOT NULL,
    "summaryEn" TEXT,
    "mechanismFr" TEXT,
    "mechanismEn" TEXT,
    "sortFr" TEXT NOT NULL DEFAULT '',
    "sortEn" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Treatment" ("createdAt", "id", "mechanismEn", "mechanismFr", "nameEn", "nameFr", "searchText", "slug", "summaryEn", "summaryFr", "updatedAt") SELECT "createdAt", "id", "mechanismEn", "mechanismFr", "nameEn", "nameFr", "searchText", "slug", "summaryEn", "summaryFr", "updatedAt" FROM "Treatment";
DROP TABLE "Treatment";
ALTER TABLE "new_Treatment" RENAME TO "Treatment";
CREATE UNIQUE INDEX "Treatment_slug_key" ON "Treatment"("slug");
CREATE INDEX "Treatment_nameFr_idx" ON "Treatment"("nameFr");
CREATE INDEX "Treatment_sortFr_id_idx" ON "Treatment"("sortFr", "id");
CREATE INDEX "Treatment_sortEn_id_idx" ON "Treatment"("sortEn", "id");
CREATE INDEX "Treatment_updatedAt_idx" ON "Treatment"("updatedAt");
CREATE INDEX "Treatment_searchText_idx" ON "Treatment"("searchText");
CREATE TABLE "new_TreatmentAlias" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TreatmentAlias_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TreatmentAlias" ("createdAt", "id", "locale", "treatmentId", "updatedAt", "value") SELECT "createdAt", "id", "locale", "treatmentId", "updatedAt", "value" FROM "TreatmentAlias";
DROP TABLE "TreatmentAlias";
ALTER TABLE "new_TreatmentAlias" RENAME TO "TreatmentAlias";
CREATE INDEX "TreatmentAlias_value_idx" ON "TreatmentAlias"("value");
CREATE INDEX "TreatmentAlias_treatmentId_id_idx" ON "TreatmentAlias"("treatmentId", "id");
CREATE UNIQUE INDEX "TreatmentAlias_treatmentId_value_key" ON "TreatmentAlias"("treatmentId", "value");
CREATE TABLE "new_TreatmentComponent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "componentId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TreatmentComponent_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TreatmentComponent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TreatmentComponent" ("componentId", "createdAt", "id", "treatmentId", "updatedAt") SELECT "componentId", "createdAt", "id", "treatmentId", "updatedAt" FROM "TreatmentComponent";
DROP TABLE "TreatmentComponent";
ALTER TABLE "new_TreatmentComponent" RENAME TO "TreatmentComponent";
CREATE INDEX "TreatmentComponent_treatmentId_id_idx" ON "TreatmentComponent"("treatmentId", "id");
CREATE INDEX "TreatmentComponent_componentId_id_idx" ON "TreatmentComponent"("componentId", "id");
CREATE UNIQUE INDEX "TreatmentComponent_treatmentId_componentId_key" ON "TreatmentComponent"("treatmentId", "componentId");
CREATE TABLE "new_TreatmentCombination" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "otherId" INTEGER NOT NULL,
    "noteFr" TEXT,
    "noteEn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TreatmentCombination_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TreatmentCombination_otherId_fkey" FOREIGN KEY ("otherId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TreatmentCombination" ("createdAt", "id", "noteEn", "noteFr", "otherId", "treatmentId", "updatedAt") SELECT "createdAt", "id", "noteEn", "noteFr", "otherId", "treatmentId", "updatedAt" FROM "TreatmentCombination";
DROP TABLE "TreatmentCombination";
ALTER TABLE "new_TreatmentCombination" RENAME TO "TreatmentCombination";
CREATE INDEX "TreatmentCombination_treatmentId_id_idx" ON "TreatmentCombination"("treatmentId", "id");
CREATE INDEX "TreatmentCombination_otherId_id_idx" ON "TreatmentCombination"("otherId", "id");
CREATE UNIQUE INDEX "TreatmentCombination_treatmentId_otherId_key" ON "TreatmentCombination"("treatmentId", "otherId");
CREATE TABLE "new_Technique" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT,
    "descriptionFr" TEXT,
    "descriptionEn" TEXT,
    "sortFr" TEXT NOT NULL DEFAULT '',
    "sortEn" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Technique" ("createdAt", "descriptionEn", "descriptionFr", "id", "nameEn", "nameFr", "searchText", "slug", "updatedAt") SELECT "createdAt", "descriptionEn", "descriptionFr", "id", "nameEn", "nameFr", "searchText", "slug", "updatedAt" FROM "Technique";
DROP TABLE "Technique";
ALTER TABLE "new_Technique" RENAME TO "Technique";
CREATE UNIQUE INDEX "Technique_slug_key" ON "Technique"("slug");
CREATE INDEX "Technique_nameFr_idx" ON "Technique"("nameFr");
CREATE INDEX "Technique_sortFr_id_idx" ON "Technique"("sortFr", "id");
CREATE INDEX "Technique_sortEn_id_idx" ON "Technique"("sortEn", "id");
CREATE TABLE "new_TreatmentTechnique" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "techniqueId" INTEGER NOT NULL,
    "noteFr" TEXT,
    "noteEn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TreatmentTechnique_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TreatmentTechnique_techniqueId_fkey" FOREIGN KEY ("techniqueId") REFERENCES "Technique" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TreatmentTechnique" ("createdAt", "id", "noteEn", "noteFr", "techniqueId", "treatmentId", "updatedAt") SELECT "createdAt", "id", "noteEn", "noteFr", "techniqueId", "treatmentId", "updatedAt" FROM "TreatmentTechnique";
DROP TABLE "TreatmentTechnique";
ALTER TABLE "new_TreatmentTechnique" RENAME TO "TreatmentTechnique";
CREATE INDEX "TreatmentTechnique_treatmentId_id_idx" ON "TreatmentTechnique"("treatmentId", "id");
CREATE INDEX "TreatmentTechnique_techniqueId_id_idx" ON "TreatmentTechnique"("techniqueId", "id");
CREATE UNIQUE INDEX "TreatmentTechnique_treatmentId_techniqueId_key" ON "TreatmentTechnique"("treatmentId", "techniqueId");
CREATE TABLE "new_ActiveIngredient" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT,
    "descriptionFr" TEXT,
    "descriptionEn" TEXT,
    "sortFr" TEXT NOT NULL DEFAULT '',
    "sortEn" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_ActiveIngredient" ("createdAt", "descriptionEn", "descriptionFr", "id", "nameEn", "nameFr", "searchText", "slug", "updatedAt") SELECT "createdAt", "descriptionEn", "descriptionFr", "id", "nameEn", "nameFr", "searchText", "slug", "updatedAt" FROM "ActiveIngredient";
DROP TABLE "ActiveIngredient";
ALTER TABLE "new_ActiveIngredient" RENAME TO "ActiveIngredient";
CREATE UNIQUE INDEX "ActiveIngredient_slug_key" ON "ActiveIngredient"("slug");
CREATE INDEX "ActiveIngredient_nameFr_idx" ON "ActiveIngredient"("nameFr");
CREATE INDEX "ActiveIngredient_sortFr_id_idx" ON "ActiveIngredient"("sortFr", "id");
CREATE INDEX "ActiveIngredient_sortEn_id_idx" ON "ActiveIngredient"("sortEn", "id");
CREATE TABLE "new_TreatmentActiveIngredient" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "activeIngredientId" INTEGER NOT NULL,
    "noteFr" TEXT,
    "noteEn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TreatmentActiveIngredient_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TreatmentActiveIngredient_activeIngredientId_fkey" FOREIGN KEY ("activeIngredientId") REFERENCES "ActiveIngredient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TreatmentActiveIngredient" ("activeIngredientId", "createdAt", "id", "noteEn", "noteFr", "treatmentId", "updatedAt") SELECT "activeIngredientId", "createdAt", "id", "noteEn", "noteFr", "treatmentId", "updatedAt" FROM "TreatmentActiveIngredient";
DROP TABLE "TreatmentActiveIngredient";
ALTER TABLE "new_TreatmentActiveIngredient" RENAME TO "TreatmentActiveIngredient";
CREATE INDEX "TreatmentActiveIngredient_treatmentId_id_idx" ON "TreatmentActiveIngredient"("treatmentId", "id");
CREATE INDEX "TreatmentActiveIngredient_activeIngredientId_id_idx" ON "TreatmentActiveIngredient"("activeIngredientId", "id");
CREATE UNIQUE INDEX "TreatmentActiveIngredient_treatmentId_activeIngredientId_key" ON "TreatmentActiveIngredient"("treatmentId", "activeIngredientId");
CREATE TABLE "new_Indication" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT,
    "descriptionFr" TEXT,
    "descriptionEn" TEXT,
    "category" TEXT NOT NULL,
    "sortFr" TEXT NOT NULL DEFAULT '',
    "sortEn" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Indication" ("category", "createdAt", "descriptionEn", "descriptionFr", "id", "nameEn", "nameFr", "searchText", "slug", "updatedAt") SELECT "category", "createdAt", "descriptionEn", "descriptionFr", "id", "nameEn", "nameFr", "searchText", "slug", "updatedAt" FROM "Indication";
DROP TABLE "Indication";
ALTER TABLE "new_Indication" RENAME TO "Indication";
CREATE UNIQUE INDEX "Indication_slug_key" ON "Indication"("slug");
CREATE INDEX "Indication_nameFr_idx" ON "Indication"("nameFr");
CREATE INDEX "Indication_sortFr_id_idx" ON "Indication"("sortFr", "id");
CREATE INDEX "Indication_sortEn_id_idx" ON "Indication"("sortEn", "id");
CREATE TABLE "new_TreatmentIndication" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "indicationId" INTEGER NOT NULL,
    "noteFr" TEXT,
    "noteEn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TreatmentIndication_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TreatmentIndication_indicationId_fkey" FOREIGN KEY ("indicationId") REFERENCES "Indication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TreatmentIndication" ("createdAt", "id", "indicationId", "noteEn", "noteFr", "treatmentId", "updatedAt") SELECT "createdAt", "id", "indicationId", "noteEn", "noteFr", "treatmentId", "updatedAt" FROM "TreatmentIndication";
DROP TABLE "TreatmentIndication";
ALTER TABLE "new_TreatmentIndication" RENAME TO "TreatmentIndication";
CREATE INDEX "TreatmentIndication_treatmentId_id_idx" ON "TreatmentIndication"("treatmentId", "id");
CREATE INDEX "TreatmentIndication_indicationId_id_idx" ON "TreatmentIndication"("indicationId", "id");
CREATE UNIQUE INDEX "TreatmentIndication_treatmentId_indicationId_key" ON "TreatmentIndication"("treatmentId", "indicationId");
CREATE TABLE "new_Contraindication" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT,
    "descriptionFr" TEXT,
    "descriptionEn" TEXT,
    "category" TEXT NOT NULL,
    "sortFr" TEXT NOT NULL DEFAULT '',
    "sortEn" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Contraindication" ("category", "createdAt", "descriptionEn", "descriptionFr", "id", "nameEn", "nameFr", "searchText", "slug", "updatedAt") SELECT "category", "createdAt", "descriptionEn", "descriptionFr", "id", "nameEn", "nameFr", "searchText", "slug", "updatedAt" FROM "Contraindication";
DROP TABLE "Contraindication";
ALTER TABLE "new_Contraindication" RENAME TO "Contraindication";
CREATE UNIQUE INDEX "Contraindication_slug_key" ON "Contraindication"("slug");
CREATE INDEX "Contraindication_nameFr_idx" ON "Contraindication"("nameFr");
CREATE INDEX "Contraindication_sortFr_id_idx" ON "Contraindication"("sortFr", "id");
CREATE INDEX "Contraindication_sortEn_id_idx" ON "Contraindication"("sortEn", "id");
CREATE TABLE "new_TreatmentContraindication" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "contraindicationId" INTEGER NOT NULL,
    "severity" TEXT NOT NULL,
    "noteFr" TEXT,
    "noteEn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TreatmentContraindication_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TreatmentContraindication_contraindicationId_fkey" FOREIGN KEY ("contraindicationId") REFERENCES "Contraindication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TreatmentContraindication" ("contraindicationId", "createdAt", "id", "noteEn", "noteFr", "severity", "treatmentId", "updatedAt") SELECT "contraindicationId", "createdAt", "id", "noteEn", "noteFr", "severity", "treatmentId", "updatedAt" FROM "TreatmentContraindication";
DROP TABLE "TreatmentContraindication";
ALTER TABLE "new_TreatmentContraindication" RENAME TO "TreatmentContraindication";
CREATE INDEX "TreatmentContraindication_treatmentId_id_idx" ON "TreatmentContraindication"("treatmentId", "id");
CREATE INDEX "TreatmentContraindication_contraindicationId_id_idx" ON "TreatmentContraindication"("contraindicationId", "id");
CREATE UNIQUE INDEX "TreatmentContraindication_treatmentId_contraindicationId_key" ON "TreatmentContraindication"("treatmentId", "contraindicationId");
CREATE TABLE "new_SideEffect" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT,
    "descriptionFr" TEXT,
    "descriptionEn" TEXT,
    "sortFr" TEXT NOT NULL DEFAULT '',
    "sortEn" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_SideEffect" ("createdAt", "descriptionEn", "descriptionFr", "id", "nameEn", "nameFr", "searchText", "slug", "updatedAt") SELECT "createdAt", "descriptionEn", "descriptionFr", "id", "nameEn", "nameFr", "searchText", "slug", "updatedAt" FROM "SideEffect";
DROP TABLE "SideEffect";
ALTER TABLE "new_SideEffect" RENAME TO "SideEffect";
CREATE UNIQUE INDEX "SideEffect_slug_key" ON "SideEffect"("slug");
CREATE INDEX "SideEffect_nameFr_idx" ON "SideEffect"("nameFr");
CREATE INDEX "SideEffect_sortFr_id_idx" ON "SideEffect"("sortFr", "id");
CREATE INDEX "SideEffect_sortEn_id_idx" ON "SideEffect"("sortEn", "id");
CREATE TABLE "new_TreatmentSideEffect" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "sideEffectId" INTEGER NOT NULL,
    "frequencyFr" TEXT,
    "frequencyEn" TEXT,
    "typicalDurationFr" TEXT,
    "typicalDurationEn" TEXT,
    "noteFr" TEXT,
    "noteEn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TreatmentSideEffect_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TreatmentSideEffect_sideEffectId_fkey" FOREIGN KEY ("sideEffectId") REFERENCES "SideEffect" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TreatmentSideEffect" ("createdAt", "frequencyEn", "frequencyFr", "id", "noteEn", "noteFr", "sideEffectId", "treatmentId", "typicalDurationEn", "typicalDurationFr", "updatedAt") SELECT "createdAt", "frequencyEn", "frequencyFr", "id", "noteEn", "noteFr", "sideEffectId", "treatmentId", "typicalDurationEn", "typicalDurationFr", "updatedAt" FROM "TreatmentSideEffect";
DROP TABLE "TreatmentSideEffect";
ALTER TABLE "new_TreatmentSideEffect" RENAME TO "TreatmentSideEffect";
CREATE INDEX "TreatmentSideEffect_treatmentId_id_idx" ON "TreatmentSideEffect"("treatmentId", "id");
CREATE INDEX "TreatmentSideEffect_sideEffectId_id_idx" ON "TreatmentSideEffect"("sideEffectId", "id");
CREATE UNIQUE INDEX "TreatmentSideEffect_treatmentId_sideEffectId_key" ON "TreatmentSideEffect"("treatmentId", "sideEffectId");
CREATE TABLE "new_BodyArea" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT,
    "descriptionFr" TEXT,
    "descriptionEn" TEXT,
    "sortFr" TEXT NOT NULL DEFAULT '',
    "sortEn" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_BodyArea" ("createdAt", "descriptionEn", "descriptionFr", "id", "nameEn", "nameFr", "searchText", "slug", "updatedAt") SELECT "createdAt", "descriptionEn", "descriptionFr", "id", "nameEn", "nameFr", "searchText", "slug", "updatedAt" FROM "BodyArea";
DROP TABLE "BodyArea";
ALTER TABLE "new_BodyArea" RENAME TO "BodyArea";
CREATE UNIQUE INDEX "BodyArea_slug_key" ON "BodyArea"("slug");
CREATE INDEX "BodyArea_nameFr_idx" ON "BodyArea"("nameFr");
CREATE INDEX "BodyArea_sortFr_id_idx" ON "BodyArea"("sortFr", "id");
CREATE INDEX "BodyArea_sortEn_id_idx" ON "BodyArea"("sortEn", "id");
CREATE TABLE "new_TreatmentBodyArea" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "bodyAreaId" INTEGER NOT NULL,
    "noteFr" TEXT,
    "noteEn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TreatmentBodyArea_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TreatmentBodyArea_bodyAreaId_fkey" FOREIGN KEY ("bodyAreaId") REFERENCES "BodyArea" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TreatmentBodyArea" ("bodyAreaId", "createdAt", "id", "noteEn", "noteFr", "treatmentId", "updatedAt") SELECT "bodyAreaId", "createdAt", "id", "noteEn", "noteFr", "treatmentId", "updatedAt" FROM "TreatmentBodyArea";
DROP TABLE "TreatmentBodyArea";
ALTER TABLE "new_TreatmentBodyArea" RENAME TO "TreatmentBodyArea";
CREATE INDEX "TreatmentBodyArea_treatmentId_id_idx" ON "TreatmentBodyArea"("treatmentId", "id");
CREATE INDEX "TreatmentBodyArea_bodyAreaId_id_idx" ON "TreatmentBodyArea"("bodyAreaId", "id");
CREATE UNIQUE INDEX "TreatmentBodyArea_treatmentId_bodyAreaId_key" ON "TreatmentBodyArea"("treatmentId", "bodyAreaId");
CREATE TABLE "new_ProtocolClaim" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "textFr" TEXT NOT NULL,
    "textEn" TEXT,
    "min" REAL,
    "max" REAL,
    "unit" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProtocolClaim_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ProtocolClaim" ("createdAt", "id", "key", "kind", "max", "min", "textEn", "textFr", "treatmentId", "unit", "updatedAt") SELECT "createdAt", "id", "key", "kind", "max", "min", "textEn", "textFr", "treatmentId", "unit", "updatedAt" FROM "ProtocolClaim";
DROP TABLE "ProtocolClaim";
ALTER TABLE "new_ProtocolClaim" RENAME TO "ProtocolClaim";
CREATE INDEX "ProtocolClaim_kind_idx" ON "ProtocolClaim"("kind");
CREATE INDEX "ProtocolClaim_treatmentId_id_idx" ON "ProtocolClaim"("treatmentId", "id");
CREATE UNIQUE INDEX "ProtocolClaim_treatmentId_key_key" ON "ProtocolClaim"("treatmentId", "key");
CREATE TABLE "new_Limitation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "textFr" TEXT NOT NULL,
    "textEn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Limitation_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Limitation" ("createdAt", "id", "key", "textEn", "textFr", "treatmentId", "updatedAt") SELECT "createdAt", "id", "key", "textEn", "textFr", "treatmentId", "updatedAt" FROM "Limitation";
DROP TABLE "Limitation";
ALTER TABLE "new_Limitation" RENAME TO "Limitation";
CREATE INDEX "Limitation_treatmentId_id_idx" ON "Limitation"("treatmentId", "id");
CREATE UNIQUE INDEX "Limitation_treatmentId_key_key" ON "Limitation"("treatmentId", "key");
CREATE TABLE "new_TreatmentSetting" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "setting" TEXT NOT NULL,
    "allowed" BOOLEAN NOT NULL,
    "textFr" TEXT NOT NULL,
    "textEn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TreatmentSetting_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TreatmentSetting" ("allowed", "createdAt", "id", "key", "setting", "textEn", "textFr", "treatmentId", "updatedAt") SELECT "allowed", "createdAt", "id", "key", "setting", "textEn", "textFr", "treatmentId", "updatedAt" FROM "TreatmentSetting";
DROP TABLE "TreatmentSetting";
ALTER TABLE "new_TreatmentSetting" RENAME TO "TreatmentSetting";
CREATE INDEX "TreatmentSetting_treatmentId_id_idx" ON "TreatmentSetting"("treatmentId", "id");
CREATE UNIQUE INDEX "TreatmentSetting_treatmentId_key_key" ON "TreatmentSetting"("treatmentId", "key");
CREATE TABLE "new_AnaesthesiaOption" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "textFr" TEXT NOT NULL,
    "textEn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AnaesthesiaOption_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AnaesthesiaOption" ("createdAt", "id", "key", "kind", "textEn", "textFr", "treatmentId", "updatedAt") SELECT "createdAt", "id", "key", "kind", "textEn", "textFr", "treatmentId", "updatedAt" FROM "AnaesthesiaOption";
DROP TABLE "AnaesthesiaOption";
ALTER TABLE "new_AnaesthesiaOption" RENAME TO "AnaesthesiaOption";
CREATE INDEX "AnaesthesiaOption_treatmentId_id_idx" ON "AnaesthesiaOption"("treatmentId", "id");
CREATE UNIQUE INDEX "AnaesthesiaOption_treatmentId_key_key" ON "AnaesthesiaOption"("treatmentId", "key");
CREATE TABLE "new_Jurisdiction" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Jurisdiction" ("code", "createdAt", "id", "nameEn", "nameFr", "updatedAt") SELECT "code", "createdAt", "id", "nameEn", "nameFr", "updatedAt" FROM "Jurisdiction";
DROP TABLE "Jurisdiction";
ALTER TABLE "new_Jurisdiction" RENAME TO "Jurisdiction";
CREATE UNIQUE INDEX "Jurisdiction_code_key" ON "Jurisdiction"("code");
CREATE TABLE "new_Authority" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "acronym" TEXT,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT,
    "jurisdictionId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Authority_jurisdictionId_fkey" FOREIGN KEY ("jurisdictionId") REFERENCES "Jurisdiction" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Authority" ("acronym", "createdAt", "id", "jurisdictionId", "nameEn", "nameFr", "slug", "updatedAt") SELECT "acronym", "createdAt", "id", "jurisdictionId", "nameEn", "nameFr", "slug", "updatedAt" FROM "Authority";
DROP TABLE "Authority";
ALTER TABLE "new_Authority" RENAME TO "Authority";
CREATE UNIQUE INDEX "Authority_slug_key" ON "Authority"("slug");
CREATE INDEX "Authority_jurisdictionId_idx" ON "Authority"("jurisdictionId");
CREATE TABLE "new_RegulatoryStatus" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treatmentId" INTEGER NOT NULL,
    "jurisdictionId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "authorityId" INTEGER,
    "reasonFr" TEXT NOT NULL,
    "reasonEn" TEXT,
    "settingRestrictionsFr" TEXT,
    "settingRestrictionsEn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RegulatoryStatus_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RegulatoryStatus_jurisdictionId_fkey" FOREIGN KEY ("jurisdictionId") REFERENCES "Jurisdiction" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RegulatoryStatus_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_RegulatoryStatus" ("authorityId", "createdAt", "id", "jurisdictionId", "reasonEn", "reasonFr", "settingRestrictionsEn", "settingRestrictionsFr", "status", "treatmentId", "updatedAt") SELECT "authorityId", "createdAt", "id", "jurisdictionId", "reasonEn", "reasonFr", "settingRestrictionsEn", "settingRestrictionsFr", "status", "treatmentId", "updatedAt" FROM "RegulatoryStatus";
DROP TABLE "RegulatoryStatus";
ALTER TABLE "new_RegulatoryStatus" RENAME TO "RegulatoryStatus";
CREATE INDEX "RegulatoryStatus_jurisdictionId_status_idx" ON "RegulatoryStatus"("jurisdictionId", "status");
CREATE INDEX "RegulatoryStatus_authorityId_idx" ON "RegulatoryStatus"("authorityId");
CREATE INDEX "RegulatoryStatus_treatmentId_id_idx" ON "RegulatoryStatus"("treatmentId", "id");
CREATE UNIQUE INDEX "RegulatoryStatus_treatmentId_jurisdictionId_key" ON "RegulatoryStatus"("treatmentId", "jurisdictionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "SourceSection_sourceId_locator_key" ON "SourceSection"("sourceId", "locator");

-- CreateIndex
CREATE INDEX "ChangeLog_entity_entityId_idx" ON "ChangeLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "ChangeLog_dataVersion_idx" ON "ChangeLog"("dataVersion");

-- CreateIndex
CREATE INDEX "AuditLog_dataVersion_idx" ON "AuditLog"("dataVersion");

-- CreateIndex
CREATE INDEX "AuditLog_model_recordId_idx" ON "AuditLog"("model", "recordId");

-- CreateIndex
CREATE INDEX "ContraindicationOverlap_treatmentBId_idx" ON "ContraindicationOverlap"("treatmentBId");
