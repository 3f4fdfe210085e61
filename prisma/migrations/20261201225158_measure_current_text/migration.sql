-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "currentText" TEXT;
