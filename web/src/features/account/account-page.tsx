/** Your account: who you are and your own API tokens (being built). */
export function AccountPage() {
  return (
    <section className="stack">
      <h1>Your account</h1>
    </section>
  );
}
