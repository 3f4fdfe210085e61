import type { PrismaClient } from "@/generated/prisma/client";
import { Role } from "@/generated/prisma/enums";
import { hashPassword } from "@/features/auth/password";

/** The password of every demo account. Demo accounts exist only in the embedded mode. */
export const DEMO_PASSWORD = "Duban@2025";

/** Login names of the demo liaisons, one per department of the 2021—2025 plan. */
export const demoLiaisonLogins: Record<string, string> = {
  市人社局: "rsj",
  市住建局: "zjj",
  市交运局: "jyj",
  市卫健委: "wjw",
  市应急局: "yjj",
  市财政局: "czj",
  市经信局: "jxj",
  市总工会: "zgh",
};

export interface DemoAccount {
  loginName: string;
  displayName: string;
  role: Role;
  department: string | null;
}

/** The demo department head (部门负责人, decision 032): one, of 市卫健委, to sign off its reports when a plan asks. */
export const demoHeadLogin = { department: "市卫健委", loginName: "wjwfzr" };

/** The demo accounts: one administrator, one leader, one liaison per department, one department head. */
export function demoAccounts(): DemoAccount[] {
  return [
    { loginName: "admin", displayName: "人社局督办管理员", role: Role.ADMIN, department: null },
    { loginName: "leader", displayName: "分管市领导", role: Role.LEADER, department: null },
    ...Object.entries(demoLiaisonLogins).map(([department, loginName]) => ({
      loginName,
      displayName: `${department}联络员`,
      role: Role.LIAISON,
      department,
    })),
    { loginName: demoHeadLogin.loginName, displayName: `${demoHeadLogin.department}负责人`, role: Role.DEPARTMENT_HEAD, department: demoHeadLogin.department },
  ];
}

/** Creates the demo accounts that do not exist yet; returns how many were created. */
export async function seedDemoAccounts(db: PrismaClient): Promise<number> {
  const accounts = demoAccounts();
  const [existing, departments] = await Promise.all([
    db.user.findMany({ where: { loginName: { in: accounts.map((a) => a.loginName) } }, select: { loginName: true } }),
    db.department.findMany({ select: { id: true, shortName: true } }),
  ]);
  const have = new Set(existing.map((u) => u.loginName));
  const deptId = new Map(departments.map((d) => [d.shortName, d.id]));
  const missing = accounts.filter((a) => !have.has(a.loginName) && (a.department === null || deptId.has(a.department)));
  if (missing.length === 0) return 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const result = await db.user.createMany({
    data: missing.map((a) => ({
      loginName: a.loginName,
      displayName: a.displayName,
      role: a.role,
      departmentId: a.department ? deptId.get(a.department)! : null,
      passwordHash,
    })),
    skipDuplicates: true,
  });
  return result.count;
}
