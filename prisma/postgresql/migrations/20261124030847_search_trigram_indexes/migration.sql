-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "Treatment_searchText_trgm_idx" ON "Treatment" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Technique_searchText_trgm_idx" ON "Technique" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ActiveIngredient_searchText_trgm_idx" ON "ActiveIngredient" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Indication_searchText_trgm_idx" ON "Indication" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Contraindication_searchText_trgm_idx" ON "Contraindication" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "SideEffect_searchText_trgm_idx" ON "SideEffect" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "BodyArea_searchText_trgm_idx" ON "BodyArea" USING GIN ("searchText" gin_trgm_ops);
