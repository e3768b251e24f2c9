/**
 * A database with replication. A synchronous standby in another AZ of the same region confirms every
 * write before it commits (RPO 0, each write waits an inter-AZ round trip); when the primary's AZ or
 * region goes down the standby takes over after the failover time. An asynchronous replica in
 * another region trails by the replication lag; promoting it after a region outage loses that lag.
 */
import type { DatabaseSpec } from './scenario';
import type { DatabaseState, Location } from './types';
import type { Context, Topology } from './world';

/** What the database may see and do: the health of the places its copies live, and the trace. */
export interface DatabaseContext extends Context {
  readonly spec: DatabaseSpec;
  readonly topology: Topology;
  /** Called whenever a copy of the data lands in a region (for the residency rule). */
  noteResidency(what: string, region: string): void;
}

export function createDatabase(spec: DatabaseSpec): DatabaseState {
  const primary = { region: spec.region, az: spec.az };
  const standby = spec.standby ? { region: spec.region, az: spec.standby.az } : null;
  return {
    name: spec.name,
    primary,
    standby,
    standbyHome: standby,
    replica: spec.replica ? { region: spec.replica.region, lagSeconds: spec.replica.lagSeconds, healthy: true } : null,
    available: true,
    failover: null,
    token: 0,
    failovers: [],
    rpoSeconds: 0,
    lostWrites: 0,
  };
}

function locationUp(topology: Topology, loc: Location): boolean {
  return topology.regions.get(loc.region)?.health === 'up' && topology.azs.get(loc.az)?.health === 'up';
}

function firstHealthyAz(topology: Topology, region: string): string | undefined {
  const r = topology.regions.get(region);
  if (!r || r.health !== 'up') return undefined;
  return r.azs.find((az) => az.health === 'up')?.id;
}

const where = (loc: Location) => `${loc.az} (${loc.region})`;

/** Reacts to a change of health under the database: lose or restore copies, start a failover. */
export function updateDatabase(sim: DatabaseContext, db: DatabaseState): void {
  const { spec, topology } = sim;

  if (db.standby && !locationUp(topology, db.standby)) {
    sim.record({
      kind: 'standby-lost',
      az: db.standby.az,
      message: `${db.name}: standby in ${where(db.standby)} lost; writes go on without a synchronous copy`,
    });
    db.standby = null;
  }

  if (db.replica) {
    const up = topology.regions.get(db.replica.region)?.health === 'up';
    if (db.replica.healthy && !up) {
      db.replica.healthy = false;
      sim.record({
        kind: 'replica-lost',
        region: db.replica.region,
        message: `${db.name}: replica in ${db.replica.region} is unreachable; it cannot be promoted until its region is back`,
      });
    } else if (!db.replica.healthy && up) {
      db.replica.healthy = true;
      sim.record({ kind: 'replica-restored', region: db.replica.region, message: `${db.name}: replica in ${db.replica.region} has caught up again` });
    }
  }

  if (db.failover && !locationUp(topology, db.failover.to)) {
    sim.record({ kind: 'db-unavailable', message: `${db.name}: failover target ${where(db.failover.to)} went down too; failover abandoned` });
    db.failover = null;
  }

  if (db.available && !locationUp(topology, db.primary)) {
    db.available = false;
    sim.record({ kind: 'db-unavailable', az: db.primary.az, region: db.primary.region, message: `${db.name}: primary in ${where(db.primary)} is down` });
  }

  if (!db.available && !db.failover) {
    if (locationUp(topology, db.primary)) {
      db.available = true;
      sim.record({ kind: 'db-available', message: `${db.name}: primary in ${where(db.primary)} is back; no data lost` });
    } else if (db.standby && locationUp(topology, db.standby)) {
      startFailover(sim, db, 'standby', db.standby, 0, spec.failoverSeconds);
    } else {
      const az = db.replica?.healthy ? firstHealthyAz(topology, db.replica.region) : undefined;
      if (db.replica && az) startFailover(sim, db, 'replica', { region: db.replica.region, az }, db.replica.lagSeconds, spec.promotionSeconds);
    }
  }

  if (
    !db.standby &&
    db.standbyHome &&
    db.available &&
    locationUp(topology, db.standbyHome) &&
    db.standbyHome.az !== db.primary.az &&
    db.standbyHome.region === db.primary.region
  ) {
    db.standby = db.standbyHome;
    sim.record({ kind: 'standby-restored', az: db.standby.az, message: `${db.name}: standby in ${where(db.standby)} is in sync again` });
  }
}

function startFailover(sim: DatabaseContext, db: DatabaseState, kind: 'standby' | 'replica', to: Location, rpoSeconds: number, seconds: number): void {
  db.token++;
  db.failover = { kind, startedAt: sim.time, token: db.token, to, rpoSeconds };
  const what =
    kind === 'standby'
      ? `failing over to the standby in ${where(to)}`
      : `promoting the replica in ${to.region} (the last ${rpoSeconds} s of writes were not copied yet)`;
  sim.record({ kind: 'db-failover-started', az: to.az, region: to.region, message: `${db.name}: ${what}; takes ${seconds} s` });
  sim.schedule(sim.time + seconds, { type: 'db-failover-done', token: db.token });
}

export function completeFailover(sim: DatabaseContext, db: DatabaseState, token: number): void {
  const f = db.failover;
  if (!f || f.token !== token) return;
  const from = db.primary;
  db.primary = f.to;
  db.failover = null;
  db.available = true;
  if (f.kind === 'standby') {
    db.standby = null;
    db.standbyHome = from; // the old primary's AZ hosts the new standby once it is back
  } else {
    db.standby = null;
    db.standbyHome = null;
    db.replica = null;
    db.lostWrites += Math.round(f.rpoSeconds * sim.spec.writesPerSecond);
  }
  db.rpoSeconds = Math.max(db.rpoSeconds, f.rpoSeconds);
  sim.noteResidency(`database ${db.name}`, f.to.region);
  db.failovers.push({ kind: f.kind, startedAt: f.startedAt, completedAt: sim.time, seconds: sim.time - f.startedAt, from, to: f.to, rpoSeconds: f.rpoSeconds });
  sim.record({
    kind: 'db-failover-complete',
    az: f.to.az,
    region: f.to.region,
    message: `${db.name}: primary is now in ${where(f.to)} after ${sim.time - f.startedAt} s; data lost: ${f.rpoSeconds} s of writes`,
  });
  updateDatabase(sim, db);
}

/** Milliseconds a write takes: the database's own time, plus a round trip to a synchronous standby. */
export function writeLatencyMs(spec: DatabaseSpec, interAzRttMs: number, db: DatabaseState): number {
  return spec.writeMs + (db.standby ? interAzRttMs : 0);
}
