// The demo accounts a tester can sign in as. The same person keeps the same `sub` whatever
// login method they choose (the login-method restriction is not an identity boundary).

export type DemoUser = {
  id: "demo" | "anonymous";
  sub: string;
  name: string;
  preferredUsername: string;
  email?: string;
  /** An anonymous logi account: no Apple/Google link and no email. */
  anonymous: boolean;
};

export const demoUsers: readonly DemoUser[] = [
  { id: "demo", sub: "logi_user_demo_0001", name: "Demo User", preferredUsername: "demo", email: "demo@example.com", anonymous: false },
  { id: "anonymous", sub: "logi_user_anon_0001", name: "Anonymous logi account", preferredUsername: "anon-0001", anonymous: true },
];

/** The email/password form accepts only these (DEMO ONLY). */
export const demoCredentials = { email: "demo@example.com", password: "demo-password" } as const;

export function findDemoUserById(id: string): DemoUser | undefined {
  return demoUsers.find((user) => user.id === id);
}

export function findDemoUserBySub(sub: string): DemoUser | undefined {
  return demoUsers.find((user) => user.sub === sub);
}
