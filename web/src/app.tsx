import { lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { Redirect, Route, Switch, useLocation } from "wouter";
import { ErrorBoundary } from "./components/error-boundary.tsx";
import { Layout } from "./components/layout.tsx";
import { SessionProvider, useSession } from "./features/auth/session.tsx";
import { SignInPage } from "./features/auth/sign-in-page.tsx";
import { IncidentPage } from "./features/incidents/incident-page.tsx";
import { IncidentsPage } from "./features/incidents/incidents-page.tsx";
import { NotFoundPage } from "./components/not-found-page.tsx";
import { PostmortemRoute } from "./features/postmortems/postmortem-route.tsx";

/** A page fetched as a chunk of its own the first time it is opened, so the entry bundle stays small. */
function lazyPage(load: () => Promise<ComponentType>) {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyPage() {
    return (
      <Suspense fallback={<p className="loading">Loading…</p>}>
        <Page />
      </Suspense>
    );
  };
}

const AccountPage = lazyPage(() => import("./features/account/account-page.tsx").then((m) => m.AccountPage));
const ActionItemsPage = lazyPage(() =>
  import("./features/actions/action-items-page.tsx").then((m) => m.ActionItemsPage),
);
const AdminPage = lazyPage(() => import("./features/admin/admin-page.tsx").then((m) => m.AdminPage));
const ExternalPage = lazyPage(() =>
  import("./features/external/external-page.tsx").then((m) => m.ExternalPage),
);
const InsightsPage = lazyPage(() =>
  import("./features/insights/insights-page.tsx").then((m) => m.InsightsPage),
);
const LibraryPage = lazyPage(() => import("./features/library/library-page.tsx").then((m) => m.LibraryPage));
const MeetingPage = lazyPage(() => import("./features/meeting/meeting-page.tsx").then((m) => m.MeetingPage));

/** Pages behind sign-in: anyone signed out is sent to /sign-in and brought back afterwards. */
function SignedIn({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const [location] = useLocation();
  if (user === undefined) return <p className="loading">Loading…</p>;
  if (user === null) {
    const next = location === "/" ? "" : `?next=${encodeURIComponent(location + window.location.search)}`;
    return <Redirect to={`/sign-in${next}`} replace />;
  }
  return (
    <Layout>
      <ErrorBoundary>{children}</ErrorBoundary>
    </Layout>
  );
}

export function App() {
  return (
    <ErrorBoundary>
      <SessionProvider>
        <Switch>
          <Route path="/sign-in" component={SignInPage} />
          <Route>
            <SignedIn>
              <Switch>
                <Route path="/">
                  <Redirect to="/incidents" replace />
                </Route>
                <Route path="/incidents" component={IncidentsPage} />
                <Route path="/incidents/:key/postmortem" component={PostmortemRoute} />
                <Route path="/incidents/:key/meeting" component={MeetingPage} />
                <Route path="/incidents/:key/external" component={ExternalPage} />
                <Route path="/incidents/:key" component={IncidentPage} />
                <Route path="/action-items" component={ActionItemsPage} />
                <Route path="/library" component={LibraryPage} />
                <Route path="/insights" component={InsightsPage} />
                <Route path="/account" component={AccountPage} />
                <Route path="/admin" component={AdminPage} />
                <Route component={NotFoundPage} />
              </Switch>
            </SignedIn>
          </Route>
        </Switch>
      </SessionProvider>
    </ErrorBoundary>
  );
}
