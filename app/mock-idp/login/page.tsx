import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getMockIdpDeps, isMockIdpEnabled } from "@/lib/mock-idp/default.server";
import { getLoginScreen } from "@/lib/mock-idp/login";
import { loginSubmitPath } from "@/lib/mock-idp/paths";
import { singleSearchParam, type PageSearchParams } from "@/lib/mock-idp/search-params";
import { demoCredentials } from "@/lib/mock-idp/users";

export const metadata: Metadata = { title: "Sign in (mock IdP)", robots: { index: false } };

const ssoLabels = { apple: "Continue with Apple", google: "Continue with Google", kakao: "Continue with Kakao" } as const;

const buttonClass = "w-full rounded-lg border border-zinc-300 bg-white px-4 py-2.5 font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800";
const inputClass = "mt-1 w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900";

export default async function MockIdpLoginPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  if (!isMockIdpEnabled()) notFound();
  const params = await searchParams;
  const result = await getLoginScreen({ request: singleSearchParam(params, "request"), error: singleSearchParam(params, "error") }, await getMockIdpDeps());

  if (!result.ok) {
    return (
      <section className="mx-auto max-w-md py-10">
        <h1 className="text-2xl font-bold">Cannot sign in</h1>
        <p className="mt-3 text-zinc-700 dark:text-zinc-300" role="alert">{result.problem.message}</p>
      </section>
    );
  }

  const { screen } = result;
  const hidden = (method: string) => (
    <>
      <input type="hidden" name="request" value={screen.requestToken} />
      <input type="hidden" name="method" value={method} />
    </>
  );

  return (
    <section className="mx-auto max-w-md py-6">
      <p className="text-sm text-zinc-500 dark:text-zinc-400">logi · mock identity provider{screen.scenario ? ` · scenario ${screen.scenario}` : ""}</p>
      <h1 className="mt-1 text-2xl font-bold">Sign in to {screen.clientName}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Client <code>{screen.clientId}</code>{screen.scope ? <> · scope <code>{screen.scope}</code></> : null}
      </p>

      {screen.error ? <p role="alert" className="mt-4 rounded-lg bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{screen.error}</p> : null}
      {screen.notice ? <p role="status" className="mt-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">{screen.notice}</p> : null}

      <div className="mt-6 space-y-3">
        {screen.precedence.renderable.map((method) => {
          if (method === "apple" || method === "google" || method === "kakao") {
            return (
              <form key={method} method="post" action={loginSubmitPath}>
                {hidden(method)}
                <button type="submit" className={buttonClass}>{ssoLabels[method]}</button>
              </form>
            );
          }
          if (method === "email") {
            return (
              <form key={method} method="post" action={loginSubmitPath} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
                {hidden(method)}
                <h2 className="font-semibold">Email and password</h2>
                <label className="mt-3 block text-sm">
                  Email
                  <input name="email" type="email" autoComplete="username" required defaultValue={demoCredentials.email} className={inputClass} />
                </label>
                <label className="mt-3 block text-sm">
                  Password
                  <input name="password" type="password" autoComplete="current-password" required className={inputClass} />
                </label>
                <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">Demo password: <code>{demoCredentials.password}</code></p>
                <button type="submit" className={`${buttonClass} mt-3`}>Sign in with email</button>
              </form>
            );
          }
          return (
            <div key={method} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
              <h2 className="font-semibold">logi app</h2>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Open the logi app to approve with a push, scan a QR code, or install the app. In this mock, approve directly:</p>
              <form method="post" action={loginSubmitPath} className="mt-3">
                {hidden(method)}
                <input type="hidden" name="account" value="demo" />
                <button type="submit" className={buttonClass}>Approve in the logi app</button>
              </form>
              <form method="post" action={loginSubmitPath} className="mt-2">
                {hidden(method)}
                <input type="hidden" name="account" value="anonymous" />
                <button type="submit" className={buttonClass}>Approve as an anonymous logi account</button>
              </form>
            </div>
          );
        })}
      </div>

      <details className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">
        <summary className="cursor-pointer">Why these sign-in options?</summary>
        <ol className="mt-2 list-decimal space-y-1 pl-5">
          {screen.precedence.steps.map((step) => <li key={step}>{step}</li>)}
        </ol>
      </details>
      <p className="mt-6 text-xs text-zinc-500 dark:text-zinc-400">Every option signs in the same demo account (DEMO ONLY: nothing here is a real identity).</p>
    </section>
  );
}
