-- CreateEnum
CREATE TYPE "ChangeOperation" AS ENUM ('CREATE', 'UPDATE', 'DELETE', 'RESET');

-- DropIndex
DROP INDEX "Citation_sourceId_idx";

-- DropIndex
DROP INDEX "TreatmentComponent_componentId_idx";

-- DropIndex
DROP INDEX "TreatmentCombination_otherId_idx";

-- DropIndex
DROP INDEX "TreatmentTechnique_techniqueId_idx";

-- DropIndex
DROP INDEX "TreatmentActiveIngredient_activeIngredientId_idx";

-- DropIndex
DROP INDEX "TreatmentIndication_indicationId_idx";

-- DropIndex
DROP INDEX "TreatmentContraindication_contraindicationId_idx";

-- DropIndex
DROP INDEX "TreatmentSideEffect_sideEffectId_idx";

-- DropIndex
DROP INDEX "TreatmentBodyArea_bodyAreaId_idx";

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "SourceSection" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "locator" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SourceSection_pkey" PRIMARY KEY ("id")
);

-- Existing data: one section per locator already cited, in locator order within its source
-- (the seed loader rewrites positions from sources.yaml on its next run).
INSERT INTO "SourceSection" ("sourceId", "locator", "position", "updatedAt")
SELECT "sourceId", "locator", ROW_NUMBER() OVER (PARTITION BY "sourceId" ORDER BY "locator"), CURRENT_TIMESTAMP
FROM (SELECT DISTINCT "sourceId", "locator" FROM "Citation") AS cited;

-- AlterTable: the claim a citation supports, stored: existing rows take it from their seed key
-- (`<claimType>:<claimSubject>|<source>|<locator>`), their section from their locator.
ALTER TABLE "Citation"
ADD COLUMN     "claimSubject" TEXT,
ADD COLUMN     "claimType" TEXT,
ADD COLUMN     "sectionId" INTEGER,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

UPDATE "Citation" c SET
  "claimType" = split_part(c."key", ':', 1),
  "claimSubject" = split_part(substr(c."key", strpos(c."key", ':') + 1), '|', 1),
  "sectionId" = (SELECT s."id" FROM "SourceSection" s WHERE s."sourceId" = c."sourceId" AND s."locator" = c."locator");

ALTER TABLE "Citation"
ALTER COLUMN "claimSubject" SET NOT NULL,
ALTER COLUMN "claimType" SET NOT NULL,
ALTER COLUMN "sectionId" SET NOT NULL,
DROP COLUMN "locator";

-- AlterTable
ALTER TABLE "TerminologyCode" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Treatment" ADD COLUMN     "sortEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sortFr" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "TreatmentAlias" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "TreatmentComponent" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "TreatmentCombination" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Technique" ADD COLUMN     "sortEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sortFr" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "TreatmentTechnique" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "ActiveIngredient" ADD COLUMN     "sortEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sortFr" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "TreatmentActiveIngredient" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Indication" ADD COLUMN     "sortEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sortFr" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "TreatmentIndication" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Contraindication" ADD COLUMN     "sortEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sortFr" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "TreatmentContraindication" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "SideEffect" ADD COLUMN     "sortEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sortFr" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "TreatmentSideEffect" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "BodyArea" ADD COLUMN     "sortEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sortFr" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "TreatmentBodyArea" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "ProtocolClaim" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Limitation" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "TreatmentSetting" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "AnaesthesiaOption" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Jurisdiction" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Authority" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "RegulatoryStatus" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "ChangeLog" (
    "seq" SERIAL NOT NULL,
    "dataVersion" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "operation" "ChangeOperation" NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "entityKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeLog_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "dataVersion" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "operation" "ChangeOperation" NOT NULL,
    "model" TEXT NOT NULL,
    "recordId" INTEGER,
    "before" TEXT,
    "after" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

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
CREATE INDEX "Citation_sourceId_id_idx" ON "Citation"("sourceId", "id");

-- CreateIndex
CREATE INDEX "Citation_sectionId_idx" ON "Citation"("sectionId");

-- CreateIndex
CREATE INDEX "Treatment_sortFr_id_idx" ON "Treatment"("sortFr", "id");

-- CreateIndex
CREATE INDEX "Treatment_sortEn_id_idx" ON "Treatment"("sortEn", "id");

-- CreateIndex
CREATE INDEX "TreatmentAlias_treatmentId_id_idx" ON "TreatmentAlias"("treatmentId", "id");

-- CreateIndex
CREATE INDEX "TreatmentComponent_treatmentId_id_idx" ON "TreatmentComponent"("treatmentId", "id");

-- CreateIndex
CREATE INDEX "TreatmentComponent_componentId_id_idx" ON "TreatmentComponent"("componentId", "id");

-- CreateIndex
CREATE INDEX "TreatmentCombination_treatmentId_id_idx" ON "TreatmentCombination"("treatmentId", "id");

-- CreateIndex
CREATE INDEX "TreatmentCombination_otherId_id_idx" ON "TreatmentCombination"("otherId", "id");

-- CreateIndex
CREATE INDEX "Technique_sortFr_id_idx" ON "Technique"("sortFr", "id");

-- CreateIndex
CREATE INDEX "Technique_sortEn_id_idx" ON "Technique"("sortEn", "id");

-- CreateIndex
CREATE INDEX "TreatmentTechnique_treatmentId_id_idx" ON "TreatmentTechnique"("treatmentId", "id");

-- CreateIndex
CREATE INDEX "TreatmentTechnique_techniqueId_id_idx" ON "TreatmentTechnique"("techniqueId", "id");

-- CreateIndex
CREATE INDEX "ActiveIngredient_sortFr_id_idx" ON "ActiveIngredient"("sortFr", "id");

-- CreateIndex
CREATE INDEX "ActiveIngredient_sortEn_id_idx" ON "ActiveIngredient"("sortEn", "id");

-- CreateIndex
CREATE INDEX "TreatmentActiveIngredient_treatmentId_id_idx" ON "TreatmentActiveIngredient"("treatmentId", "id");

-- CreateIndex
CREATE INDEX "TreatmentActiveIngredient_activeIngredientId_id_idx" ON "TreatmentActiveIngredient"("activeIngredientId", "id");

-- CreateIndex
CREATE INDEX "Indication_sortFr_id_idx" ON "Indication"("sortFr", "id");

-- CreateIndex
CREATE INDEX "Indication_sortEn_id_idx" ON "Indication"("sortEn", "id");

-- CreateIndex
CREATE INDEX "TreatmentIndication_treatmentId_id_idx" ON "TreatmentIndication"("treatmentId", "id");

-- CreateIndex
CREATE INDEX "TreatmentIndication_indicationId_id_idx" ON "TreatmentIndication"("indicationId", "id");

-- CreateIndex
CREATE INDEX "Contraindication_sortFr_id_idx" ON "Contraindication"("sortFr", "id");

-- CreateIndex
CREATE INDEX "Contraindication_sortEn_id_idx" ON "Contraindication"("sortEn", "id");

-- CreateIndex
CREATE INDEX "TreatmentContraindication_treatmentId_id_idx" ON "TreatmentContraindication"("treatmentId", "id");

-- CreateIndex
CREATE INDEX "TreatmentContraindication_contraindicationId_id_idx" ON "TreatmentContraindication"("contraindicationId", "id");

-- CreateIndex
CREATE INDEX "SideEffect_sortFr_id_idx" ON "SideEffect"("sortFr", "id");

-- CreateIndex
CREATE INDEX "SideEffect_sortEn_id_idx" ON "SideEffect"("sortEn", "id");

-- CreateIndex
CREATE INDEX "TreatmentSideEffect_treatmentId_id_idx" ON "TreatmentSideEffect"("treatmentId", "id");

-- CreateIndex
CREATE INDEX "TreatmentSideEffect_sideEffectId_id_idx" ON "TreatmentSideEffect"("sideEffectId", "id");

-- CreateIndex
CREATE INDEX "BodyArea_sortFr_id_idx" ON "BodyArea"("sortFr", "id");

-- CreateIndex
CREATE INDEX "BodyArea_sortEn_id_idx" ON "BodyArea"("sortEn", "id");

-- CreateIndex
CREATE INDEX "TreatmentBodyArea_treatmentId_id_idx" ON "TreatmentBodyArea"("treatmentId", "id");

-- CreateIndex
CREATE INDEX "TreatmentBodyArea_bodyAreaId_id_idx" ON "TreatmentBodyArea"("bodyAreaId", "id");

-- CreateIndex
CREATE INDEX "ProtocolClaim_treatmentId_id_idx" ON "ProtocolClaim"("treatmentId", "id");

-- CreateIndex
CREATE INDEX "Limitation_treatmentId_id_idx" ON "Limitation"("treatmentId", "id");

-- CreateIndex
CREATE INDEX "TreatmentSetting_treatmentId_id_idx" ON "TreatmentSetting"("treatmentId", "id");

-- CreateIndex
CREATE INDEX "AnaesthesiaOption_treatmentId_id_idx" ON "AnaesthesiaOption"("treatmentId", "id");

-- CreateIndex
CREATE INDEX "RegulatoryStatus_treatmentId_id_idx" ON "RegulatoryStatus"("treatmentId", "id");

-- AddForeignKey
ALTER TABLE "SourceSection" ADD CONSTRAINT "SourceSection_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "SourceSection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "ContraindicationOverlap_treatmentBId_idx" ON "ContraindicationOverlap"("treatmentBId");
