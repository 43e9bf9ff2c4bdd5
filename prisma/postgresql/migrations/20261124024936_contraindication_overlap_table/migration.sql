-- CreateTable
CREATE TABLE "ContraindicationOverlap" (
    "treatmentAId" INTEGER NOT NULL,
    "treatmentBId" INTEGER NOT NULL,
    "shared" INTEGER NOT NULL,
    "jaccard" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ContraindicationOverlap_pkey" PRIMARY KEY ("treatmentAId","treatmentBId")
);

-- CreateIndex
CREATE INDEX "ContraindicationOverlap_jaccard_shared_treatmentAId_treatme_idx" ON "ContraindicationOverlap"("jaccard" DESC, "shared" DESC, "treatmentAId", "treatmentBId");

-- CreateIndex
CREATE INDEX "ContraindicationOverlap_shared_idx" ON "ContraindicationOverlap"("shared");
