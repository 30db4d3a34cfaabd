/**
 * Post-mortems invented for these tests (not from any corpus), in groups about the same kind of failure
 * told in different words, plus one-offs; each member should find one of its group first. The later groups
 * share the kind of failure but hardly a word ("name resolution" and "domain record").
 */
export interface InventedPostmortem {
  name: string;
  /** The kind of failure; null for a one-off. */
  group: string | null;
  title: string;
  impact: string;
  rootCause: string;
  contributingFactors: string[];
  summary: string;
}

export const inventedPostmortems: InventedPostmortem[] = [
  {
    name: "certificate-payments",
    group: "certificate",
    title: "Payment gateway rejected connections after its TLS certificate expired",
    impact: "Card payments failed for 47 minutes; customers saw a generic error at checkout.",
    rootCause:
      "The TLS certificate on the payment gateway load balancer expired because the renewal job had been failing silently for weeks.",
    contributingFactors: [
      "No alert on certificate expiry dates",
      "The renewal job lost its DNS credentials during a secrets rotation",
    ],
    summary: "Clients refused the handshake once the certificate was past its expiry date.",
  },
  {
    name: "certificate-partner-api",
    group: "certificate",
    title: "Expired certificate broke the partner API",
    impact: "Partners could not call the API for two hours; their TLS clients rejected our certificate.",
    rootCause:
      "Automatic certificate renewal was switched off during a migration and nobody noticed the expiry.",
    contributingFactors: [
      "Expiry warnings went to an unmonitored mailbox",
      "Renewal was not covered by any check",
    ],
    summary: "We renewed the certificate by hand and turned automatic renewal back on.",
  },
  {
    name: "disk-postgres",
    group: "disk",
    title: "Postgres primary ran out of disk space",
    impact: "Writes failed and orders could not be placed for 25 minutes.",
    rootCause:
      "Write-ahead log files filled the disk because an abandoned replication slot kept them from being recycled.",
    contributingFactors: [
      "No alert on disk usage of the database volume",
      "Nobody owned the old replication slot",
    ],
    summary: "We dropped the stale replication slot, freed disk space and restarted the primary.",
  },
  {
    name: "disk-reporting-db",
    group: "disk",
    title: "Reporting database volume full",
    impact: "Nightly reports were not produced and the dashboard showed stale numbers.",
    rootCause:
      "The database disk filled up with write-ahead log segments retained for a replica that had been deleted.",
    contributingFactors: [
      "Disk usage alerts were set at 99%",
      "The replication slot of the deleted replica was never removed",
    ],
    summary: "Removing the replication slot released the write-ahead log and the disk space came back.",
  },
  {
    name: "queue-push",
    group: "queue",
    title: "Push notifications delayed by a message queue backlog",
    impact: "Mobile users received notifications up to three hours late.",
    rootCause: "The queue consumers crashed on a malformed message and kept restarting, so the backlog grew.",
    contributingFactors: ["No dead-letter queue for poison messages", "Queue depth was not alerted on"],
    summary: "We moved the malformed message aside and the consumers drained the backlog.",
  },
  {
    name: "queue-email",
    group: "queue",
    title: "Password reset emails stuck in the mail queue",
    impact: "Users waited up to an hour for password reset emails.",
    rootCause: "Consumers of the email queue stopped after a deploy and messages piled up in the backlog.",
    contributingFactors: ["Queue depth had no alert", "The deploy did not check that consumers were running"],
    summary: "Restarting the consumers drained the queue within twenty minutes.",
  },
  {
    name: "search-reindex",
    group: null,
    title: "Search cluster overloaded by a full reindex",
    impact: "Product search was slow and timed out for a quarter of requests.",
    rootCause: "A full reindex ran during peak traffic and saturated the search nodes' CPU.",
    contributingFactors: ["Reindex jobs could be started at any time of day"],
    summary: "We paused the reindex and resumed it at night.",
  },
  {
    name: "feature-flag",
    group: null,
    title: "Feature flag enabled a half-built checkout page",
    impact: "Some shoppers saw an empty basket on the new checkout page.",
    rootCause: "A flag targeting rule matched every user instead of staff only.",
    contributingFactors: ["Flag changes were not reviewed"],
    summary: "We turned the flag off and added a review step for targeting rules.",
  },
  {
    name: "dns-in-cluster",
    group: "dns",
    title: "Name resolution failing between microservices",
    impact: "Half of the calls between backends failed with lookup errors for 35 minutes.",
    rootCause:
      "Both CoreDNS replicas had been scheduled onto one machine, which was then drained for patching, leaving no resolver running.",
    contributingFactors: ["No anti-affinity rule for the resolver pods", "Lookup failures were not graphed"],
    summary: "Spreading the resolver replicas across machines brought lookups back.",
  },
  {
    name: "dns-apex-record",
    group: "dns",
    title: "Shop unreachable after its domain record vanished",
    impact: "Visitors got 'server not found' for the shop and the marketing site for an hour.",
    rootCause:
      "A clean-up script for the Route53 hosted zone deleted the apex A record together with stale entries.",
    contributingFactors: [
      "The script had no dry-run mode",
      "A long TTL kept wrong answers cached by some ISPs",
    ],
    summary: "We recreated the record from the exported zone file.",
  },
  {
    name: "memory-image-upload",
    group: "memory",
    title: "API containers killed again and again by the kernel",
    impact: "Intermittent 502 responses from the public API over an afternoon.",
    rootCause:
      "A new image-resizing endpoint buffered whole uploads in RAM; the containers went over their 512Mi limit and were OOMKilled.",
    contributingFactors: [
      "Limits were copied from another application",
      "Load tests only used small pictures",
    ],
    summary: "Streaming uploads to a temporary file stopped the kills.",
  },
  {
    name: "memory-invoice-worker",
    group: "memory",
    title: "Invoice workers exhausted their heap overnight",
    impact: "Invoice generation stalled and 4,000 invoices went out a day late.",
    rootCause:
      "A query loaded every line item of the largest accounts at once; the JVM ran out of memory and the worker crashed in a loop.",
    contributingFactors: ["Heap size had not been revisited in two years", "No alert on worker crashes"],
    summary: "Paging the query and raising the heap brought the workers back.",
  },
  {
    name: "secret-public-repo",
    group: "secret",
    title: "Cloud access key published in a public repository",
    impact: "No misuse was found, but we spent a day auditing account activity.",
    rootCause:
      "A developer committed a .env file holding an AWS access key to a public GitHub project; a scanner bot found it within minutes.",
    contributingFactors: ["No pre-commit scanning for keys", "Long-lived keys instead of short-lived roles"],
    summary: "We revoked the key, issued new ones for everything it could reach and reviewed CloudTrail.",
  },
  {
    name: "secret-in-logs",
    group: "secret",
    title: "Database password written to application logs",
    impact: "Anyone with log access could read the credential for two weeks.",
    rootCause: "Debug logging of the connection string printed the password in clear text.",
    contributingFactors: ["Log lines were not redacted", "Debug level had been left on after a migration"],
    summary: "We purged the log index and changed the database credentials.",
  },
  {
    name: "routing-proxy-404",
    group: "routing",
    title: "Pages answered 'not found' after a Traefik rule change",
    impact: "Shoppers saw 404 pages on product URLs for 20 minutes.",
    rootCause: "A new path prefix rule on the edge router took precedence over the product routes.",
    contributingFactors: [
      "Rule priorities were implicit",
      "No smoke test of public URLs after config changes",
    ],
    summary: "Reverting the rule restored the product pages.",
  },
  {
    name: "routing-wrong-backend",
    group: "routing",
    title: "Load balancer sent checkout traffic to the staging pool",
    impact: "Some orders were placed against staging and had to be replayed.",
    rootCause:
      "A host-header condition in the ALB listener was edited by hand and matched the live hostname to the staging target group.",
    contributingFactors: ["Listener changes bypassed code review", "Staging accepted real card tokens"],
    summary: "We fixed the listener condition and moved its definition into Terraform.",
  },
  {
    name: "provider-card-processor",
    group: "provider-slow",
    title: "Checkout stalled while the card processor answered slowly",
    impact: "About a third of orders failed or took over a minute to confirm during the evening peak.",
    rootCause:
      "The acquirer's authorisation endpoint took up to 40 seconds to reply; our client had no deadline, so every web worker ended up waiting on it.",
    contributingFactors: [
      "HTTP calls to partners used the library default of no timeout",
      "No circuit breaker in front of the processor",
    ],
    summary:
      "Once the acquirer recovered the queue of waiting requests cleared; we added a five-second deadline.",
  },
  {
    name: "provider-carrier-rates",
    group: "provider-slow",
    title: "Shipping quotes hung when the carrier's rate API degraded",
    impact: "Shoppers could not see delivery prices and abandoned their baskets for two hours.",
    rootCause:
      "The carrier's rate service slowed to minutes per call and our quote workers blocked on it until the pool was used up.",
    contributingFactors: ["Calls to the carrier had no time limit", "We had no cached fallback prices"],
    summary:
      "We served flat-rate prices while the carrier was degraded and then set a deadline on its calls.",
  },
  {
    name: "provider-address-lookup",
    group: "provider-slow",
    title: "Sign-up form froze during the postcode vendor's outage",
    impact: "New accounts could not be created for 50 minutes.",
    rootCause:
      "The postcode lookup supplier stopped responding; each form submission held a thread open until the load balancer gave up.",
    contributingFactors: [
      "The vendor's status page was not watched",
      "Address lookup was mandatory instead of optional",
    ],
    summary: "We made the lookup optional and bounded how long we wait for the supplier.",
  },
  {
    name: "failover-aurora-writer",
    group: "failover",
    title: "Writes failed after the primary database switched over",
    impact: "Orders could not be saved for twelve minutes.",
    rootCause:
      "Aurora promoted a replica to writer during maintenance, but the application kept pooled connections to the old node, now read-only.",
    contributingFactors: [
      "The connection pool never revalidated connections",
      "Maintenance windows were not announced to the product teams",
    ],
    summary: "Recycling the application pods made them connect to the new writer.",
  },
  {
    name: "failover-mysql-promotion",
    group: "failover",
    title: "Two MySQL nodes both accepted writes after a promotion",
    impact: "A few hundred profile edits were lost or had to be merged by hand.",
    rootCause:
      "The orchestrator promoted the standby while the old primary was only partitioned, not dead, and clients on the other side kept writing to it.",
    contributingFactors: ["No fencing of the demoted node", "Split-brain had never been rehearsed"],
    summary: "We stopped the old primary, reconciled the diverged rows and added fencing.",
  },
  {
    name: "failover-redis-sentinel",
    group: "failover",
    title: "Session store flapped between masters",
    impact: "Users were logged out repeatedly over an afternoon.",
    rootCause:
      "Sentinel kept electing a new Redis master because of packet loss, and clients cached the address of whichever master they had met first.",
    contributingFactors: ["Sentinel quorum was two out of three on the same rack"],
    summary: "Moving one sentinel to another rack stopped the elections.",
  },
  {
    name: "double-run-billing",
    group: "double-run",
    title: "Customers charged twice by the monthly subscription job",
    impact: "1,200 subscribers were billed twice and had to be refunded.",
    rootCause:
      "After we scaled the worker tier to two machines, the scheduled renewal job started on both because it took no lock.",
    contributingFactors: ["The job assumed a single instance", "Charges had no idempotency key"],
    summary: "We refunded the duplicates and made the job take a lease before running.",
  },
  {
    name: "double-run-reminders",
    group: "double-run",
    title: "Duplicate appointment reminders sent overnight",
    impact: "Patients received every reminder text two or three times.",
    rootCause:
      "The cron entry existed on the old host and on its replacement, so the nightly task ran twice, and a retry after a timeout made it three times.",
    contributingFactors: ["Decommissioning the old host left its crontab in place"],
    summary: "We removed the stale crontab and recorded sent reminders so a rerun skips them.",
  },
];
