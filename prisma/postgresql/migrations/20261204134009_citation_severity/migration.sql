-- AlterTable
ALTER TABLE "Citation" ADD COLUMN     "severity" "Severity";
