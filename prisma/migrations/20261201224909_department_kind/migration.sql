-- CreateEnum
CREATE TYPE "DepartmentKind" AS ENUM ('CITY', 'COUNTY');

-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "kind" "DepartmentKind" NOT NULL DEFAULT 'CITY';
