import { tokenize, type Token } from "./tokenize.ts";

/**
 * Kinds of things that go wrong in running software, each with the words and phrases people write for
 * it. Written from general knowledge of incidents (not from any corpus), so two post-mortems about the
 * same kind of failure meet even when they share few literal words: "TLS handshake failures" and
 * "certificate expired", "Traefik returned 404" and "ingress misrouting". A word may belong to more than
 * one concept. Phrases match consecutive words once stop words are left out.
 */
export const CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  tls: [
    "tls, ssl, certificate, cert, certs, x509, letsencrypt, let's encrypt, cert-manager, acme",
    "handshake, certificate authority, mtls, sni, ciphers",
  ],
  expiry: ["expiry, expired, expire, expires, expiration, renewal, renew, renewed, lapsed, valid until"],
  dns: [
    "dns, domain, domains, hostname, route53, route 53, nameserver, cname, a record, resolver",
    "coredns, kube-dns, nxdomain, zone apex, subdomain, external-dns",
  ],
  ingress: [
    "router, load balancer, loadbalancer, alb, elb, nlb, target group, listener, health check",
    "healthcheck, ingress, ingress-controller, ingress controller, nginx, ingress-nginx, traefik",
    "haproxy, envoy, reverse proxy, modsec, modsecurity, waf, virtual host, vhost, ingressroute",
    "path rewrite",
  ],
  "5xx": [
    "500, 502, 503, 504, 5xx, bad gateway, service unavailable, gateway timeout",
    "internal server error",
  ],
  "4xx": ["404, 403, 401, 400, 4xx, not found, forbidden, unauthorized, unauthorised"],
  nodes: [
    "node, nodes, kubelet, notready, not ready, cordon, cordoned, drain, drained, ec2, instance group",
    "node group, nodegroup, asg, auto scaling group, ami, kops, karpenter, virtual machine",
  ],
  capacity: [
    "capacity, starvation, starved, exhaustion, exhausted, pressure, overprovisioned, overcommitted",
    "overcommit, eviction, evicted, evicting, unschedulable, scheduling, scheduler, insufficient",
    "ran out, run out, running out, resource limits, allocatable, headroom",
  ],
  memory: [
    "memory, oom, oomkilled, oom killed, out of memory, ram, heap, memory leak, swap",
    "garbage collection",
  ],
  cpu: ["cpu, cpus, throttling, throttled, load average"],
  disk: [
    "disk, disks, disk space, inode, inodes, ebs, pvc, persistent volume, ephemeral storage",
    "filesystem, file system, iops",
  ],
  crash: [
    "crash, crashed, crashing, crashloop, crashloopbackoff, crashlooping, restart, restarted",
    "restarting, restarts, panic, segfault, liveness",
  ],
  outage: [
    "down, outage, unavailable, unreachable, offline, downtime, unresponsive, stopped working",
    "not responding, inaccessible",
  ],
  monitoring: [
    "prometheus, alertmanager, grafana, metrics, scrape, scraping, thanos, kube-state-metrics",
    "exporter, exporters, datadog, new relic, observability, monitoring, telemetry, cortex",
    "victoriametrics, statsd",
  ],
  alerting: [
    "alert, alerts, alerting, pagerduty, opsgenie, paged, paging, on-call, oncall, pingdom",
    "uptime check, alarm, alarms",
  ],
  logging: [
    "log, logs, logging, fluentd, fluent-bit, fluentbit, cloudwatch, kibana, elasticsearch",
    "opensearch, logstash, loki, splunk, log shipping, log group, log stream, syslog",
  ],
  credentials: [
    "password, passwords, token, tokens, secret, secrets, credential, credentials, api key",
    "access key, access keys, private key, rotation, rotate, rotated, leak, leaked, exposed, exposure",
    "compromised, revoke, revoked, vault, secrets manager, parameter store, ssh key",
  ],
  login: [
    "auth, authentication, authenticate, sso, oauth, oidc, saml, login, log in, sign in, okta, auth0",
    "azure ad, keycloak, jwt, 2fa, mfa",
  ],
  permissions: [
    "iam, rbac, permission, permissions, kiam, irsa, service account, assume role, sts",
    "instance profile, access denied, privileges",
  ],
  deploy: [
    "deploy, deployed, deploying, deployment, rollout, roll out, helm, flux, argocd, argo, gitops",
    "canary, blue-green, reconcile, reconciliation",
  ],
  upgrade: [
    "upgrade, upgraded, upgrading, bump, bumped, new version, minor version, major version",
    "breaking change, deprecated, deprecation, end of life, eol, rolling update, rolling upgrade",
    "version upgrade, version bump, cluster update, cluster upgrade, security patch, patch release",
  ],
  // Machines or instances swapped for new ones: a node pool rolled, an AMI refreshed, pods recreated.
  replacement: [
    "replace nodes, replaced nodes, replacing nodes, nodes replaced, node replacement, instance refresh",
    "rotate nodes, nodes rotated, node rotation, recycle nodes, recycled nodes, nodes recycled, cycled nodes",
    "nodes cycled, replace instances, replaced instances, instances replaced, terminated instances",
    "instances terminated, terminate instances, nodes terminated, terminated nodes, recreated nodes",
  ],
  rollback: ["rollback, rolled back, roll back, revert, reverted, reverting, downgrade, downgraded"],
  config: [
    "config, configuration, configured, misconfiguration, misconfigured, feature flag, toggle",
    "values file, typo",
  ],
  database: [
    "database, databases, postgres, postgresql, mysql, mariadb, rds, aurora, sql, mongodb, dynamodb",
    "replication, failover, connection pool, pgbouncer, deadlock, schema migration, write-ahead log",
    "wal, vacuum",
  ],
  failover: [
    "failover, failed over, fail over, switchover, switched over, standby, leader election, split brain",
    "split-brain, fencing, quorum, sentinel, promoted replica, replica promoted, promote replica",
    "new primary, primary failed, primary database, writer instance, promoted standby, master election",
    "elections, electing",
  ],
  // Work done twice: a job run on two hosts, a retried charge, a message delivered again.
  duplicate: [
    "duplicate, duplicates, duplicated, idempotency, idempotent, dedupe, deduplication, race condition",
    "ran twice, run twice, sent twice, charged twice, processed twice, double charge, double charged",
    "double processing, distributed lock, lock expired, lease, rerun, re-run",
  ],
  // A gate in front of the cluster's API that refuses or rewrites what is created.
  admission: [
    "admission, admission controller, admission webhook, opa, open policy agent, gatekeeper, kyverno",
    "validating webhook, mutating webhook, policy engine, pod security",
  ],
  queue: [
    "queue, queues, kafka, rabbitmq, sqs, sns, pubsub, pub/sub, broker, brokers, consumer, consumers",
    "backlog, dead letter, dead-letter, nats, kinesis",
  ],
  cache: ["cache, caches, caching, redis, memcached, elasticache, cache hit, cache miss, invalidation, ttl"],
  network: [
    "vpc, subnet, subnets, route table, route tables, security group, security groups, firewall, nat",
    "nat gateway, transit gateway, peering, vpn, cidr, ip address, network, networking, connectivity",
    "cni, calico, network policy, egress, bgp, mtu, direct connect",
  ],
  connections: ["connection refused, connection reset, econnrefused, connection errors, tcp"],
  "object storage": ["s3, bucket, buckets, object storage, gcs"],
  ci: [
    "ci, circleci, jenkins, github actions, pipeline, pipelines, concourse, gitlab, ci/cd, buildkite",
    "travis",
  ],
  terraform: [
    "terraform, terraform apply, terraform destroy, tfstate, drift, cloudformation, pulumi, iac",
    "infrastructure as code, crossplane, ansible",
  ],
  deletion: [
    "delete, deleted, deleting, deletion, destroy, destroyed, destroying, terminate, terminated",
    "termination, wiped, purged, detached",
  ],
  payments: [
    "payment, payments, checkout, billing, stripe, invoice, invoices, refund, refunds, psp, acquirer",
  ],
  email: ["email, emails, mail, smtp, ses, sendgrid, mailgun, mailbox, inbox, spam, dkim, spf"],
  cdn: ["cdn, cloudfront, akamai, fastly, cloudflare, cache purge"],
  "rate limit": [
    "rate limit, rate limits, rate limited, rate limiting, ratelimit, 429, quota, quotas",
    "too many requests, api limit, throttle",
  ],
  latency: [
    "timeout, timeouts, timed out, latency, slow, slowness, slowdown, degraded, degradation, p99, p95",
    "response time, response times, sluggish, hang, hung, deadline exceeded, circuit breaker, stalled",
    "stall, hanging, froze",
  ],
  "data loss": [
    "data loss, lost data, corruption, corrupted, corrupt, inconsistency, data integrity",
    "missing data, overwritten",
  ],
  "third party": [
    "vendor, vendors, third party, third-party, supplier, saas, status page, upstream provider",
    "external provider, aws outage, provider outage, suppliers, external api, external service",
  ],
  vulnerability: [
    "vulnerability, vulnerabilities, vulnerable, cve, log4j, log4shell, exploit, exploited, zero-day",
    "security advisory, supply chain, malware",
  ],
  "security breach": [
    "breach, breached, attacker, intrusion, unauthorised access, unauthorized access, phishing",
    "malicious, security incident",
  ],
  "control plane": [
    "api server, apiserver, kube-apiserver, control plane, etcd, eks, gke, aks, kubernetes api, crd",
  ],
  "container image": [
    "image pull, imagepullbackoff, errimagepull, registry, ecr, docker hub, dockerhub",
    "container registry, quay",
  ],
  autoscaling: [
    "autoscaler, autoscaling, auto scaling, hpa, cluster autoscaler, scale up, scale down",
    "overprovisioning",
  ],
  region: [
    "region, regions, availability zone, availability zones, az, multi-az, eu-west-1, eu-west-2",
    "us-east-1, datacenter, data centre, data center",
  ],
  clock: ["ntp, clock skew, timezone, time zone, daylight saving, dst, leap second, leap year"],
  backup: ["backup, backups, snapshot, snapshots, point in time recovery, disaster recovery"],
  traffic: ["spike, spikes, surge, high load, ddos, thundering herd"],
  "scheduled job": ["cron, cronjob, cronjobs, scheduled job, batch job, nightly, scheduled task"],
  search: ["indexing, reindex, reindexing, solr"],
  mobile: ["push notification, push notifications, apns, fcm, app store"],
  dependency: ["dependency, dependencies, npm, pip, lock file, lockfile, maven"],
  "human error": [
    "manually, accidentally, accidental, accident, mistake, mistakenly, human error, unintended",
    "unintentionally, unintentional, inadvertently, by hand",
  ],
  "source control": ["github, git, repository, repositories, pull request, commit, commits, main branch"],
  "service mesh": ["istio, linkerd, sidecar, service mesh, envoy"],
  serverless: ["lambda, serverless, cloud function, cloud functions, fargate, cloud run"],
  cost: ["cost, costs, overspend, reserved instances, savings plan"],
  pods: ["pod, pods, container, containers, daemonset, statefulset, replicaset, sidecar, init container"],
  "missing data": ["not shipped, not received, no data, not visible, disappeared, not showing, not recorded"],
};

/** A concept's term is its name behind a prefix no word can start with; the name is what is shown. */
const CONCEPT_PREFIX = "~";

interface Phrase {
  rest: string[];
  concept: Token;
}

const single = new Map<string, Token[]>();
const phrases = new Map<string, Phrase[]>();
for (const [name, lines] of Object.entries(CONCEPTS)) {
  const concept: Token = { stem: CONCEPT_PREFIX + name, surface: name };
  for (const trigger of lines.flatMap((line) => line.split(/\s*,\s*/u))) {
    // A joined trigger (`cert-manager`) is one word: its first token; a phrase is its words' stems.
    const words = trigger.split(/\s+/u);
    const stems = words.flatMap((word) => tokenize(word).slice(0, 1)).map((token) => token.stem);
    // A phrase with a stop word in it ("ran out") would shrink to a word that means less ("ran").
    if (stems.length !== words.length) continue;
    const [first, ...rest] = stems as [string, ...string[]];
    if (rest.length > 0) phrases.set(first, [...(phrases.get(first) ?? []), { rest, concept }]);
    // Forms of one word ("renew", "renewal") name a concept once.
    else if (!single.get(first)?.includes(concept))
      single.set(first, [...(single.get(first) ?? []), concept]);
  }
}

/**
 * The concepts a text's words name, as tokens (shared objects, like words), one for each word or phrase
 * that names one; a word naming the same concept twice (alone and in a phrase) counts once.
 */
export function conceptsIn(tokens: readonly Token[]): Token[] {
  const found: Token[] = [];
  tokens.forEach((token, i) => {
    const named = single.get(token.stem);
    const starting = phrases.get(token.stem);
    if (!starting) {
      if (named) for (const concept of named) found.push(concept);
      return;
    }
    const here = new Set(named);
    for (const { rest, concept } of starting) {
      if (rest.every((stem, k) => tokens[i + 1 + k]?.stem === stem)) here.add(concept);
    }
    for (const concept of here) found.push(concept);
  });
  return found;
}
