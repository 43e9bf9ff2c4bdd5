-- CreateTable
CREATE TABLE "ContraindicationOverlap" (
    "treatmentAId" INTEGER NOT NULL,
    "treatmentBId" INTEGER NOT NULL,
    "shared" INTEGER NOT NULL,
    "jaccard" REAL NOT NULL,

    PRIMARY KEY ("treatmentAId", "treatmentBId")
);

-- CreateIndex
CREATE INDEX "ContraindicationOverlap_jaccard_shared_treatmentAId_treatmentBId_idx" ON "ContraindicationOverlap"("jaccard" DESC, "shared" DESC, "treatmentAId", "treatmentBId");

-- CreateIndex
CREATE INDEX "ContraindicationOverlap_shared_idx" ON "ContraindicationOverlap"("shared");
