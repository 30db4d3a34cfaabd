/** Insights: trends across incidents and post-mortems, over `GET /api/v1/insights` (being built). */
export function InsightsPage() {
  return (
    <section className="stack">
      <h1>Insights</h1>
    </section>
  );
}
