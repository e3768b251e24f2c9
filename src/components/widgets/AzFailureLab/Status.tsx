import React, { useState } from 'react';
import type { DatabaseReport, SimEvent } from '@site/sim';
import type { LabFrame } from './history';
import { clock } from './Timeline';
import styles from './styles.module.css';

const where = (loc: { region: string; az: string }) => `${loc.az} (${loc.region})`;

export function databaseState(db: DatabaseReport, events: readonly SimEvent[]): string {
  if (db.failingOver) {
    // The latest start, read from the end without copying: the trace holds thousands of events at a thousand VMs.
    let started: SimEvent | undefined;
    for (let i = events.length - 1; i >= 0 && !started; i--) if (events[i].kind === 'db-failover-started') started = events[i];
    return `failing over${started ? ` since ${clock(started.time)}` : ''}: writes are refused`;
  }
  return db.available ? `available, primary in ${where(db.primary)}` : 'unavailable: no copy can take over';
}

/** The numbers the lesson asks about, each straight from the engine's report. */
export function Status({ frame, minServing }: { frame: LabFrame; minServing: number }): React.JSX.Element {
  const { database: db, view } = frame;
  const m = { serviceUp: view.serviceUp, firstUpAt: frame.firstUpAt, availabilityPercent: view.availabilityPercent, downtimeSeconds: view.downtimeSeconds };
  const last = db?.failovers[db.failovers.length - 1];
  return (
    <div className={styles.status}>
      <dl className={styles.metrics}>
        <div>
          <dt>Serving VMs</dt>
          <dd>
            {view.serving} of {view.total}
          </dd>
        </div>
        <div>
          <dt>
            Service (needs {minServing} serving{db ? ' + database' : ''})
          </dt>
          {/* Before the first time it is up, the service is starting, not failing. */}
          <dd className={m.serviceUp ? styles.up : m.firstUpAt === null ? undefined : styles.down}>
            {m.serviceUp ? '● up' : m.firstUpAt === null ? '◌ starting: VMs are booting' : '✕ down'}
          </dd>
        </div>
        <div>
          <dt>Availability so far</dt>
          <dd>{m.firstUpAt === null ? 'not up yet' : `${m.availabilityPercent}%`}</dd>
        </div>
        <div>
          <dt>Downtime so far</dt>
          <dd>{m.downtimeSeconds} s</dd>
        </div>
        {db ? (
          <>
            <div>
              <dt>Data lost (seconds of writes)</dt>
              <dd>
                {db.rpoSeconds} s{db.lostWrites ? ` (${db.lostWrites} writes)` : ''}
              </dd>
            </div>
            <div>
              <dt>Last failover took</dt>
              <dd>{last ? `${last.seconds} s (${last.kind === 'standby' ? 'standby' : 'replica promoted'})` : 'none yet'}</dd>
            </div>
          </>
        ) : null}
      </dl>
      {db ? (
        <ul className={styles.dbFacts} aria-label="Database">
          <li>
            Database <strong>{db.name}</strong>: {databaseState(db, frame.events)}.
          </li>
          <li>Synchronous standby: {db.standby ? where(db.standby) : 'none'}.</li>
          <li>Asynchronous replica: {db.replica ? `${db.replica.region}, ${db.replica.lagSeconds} s behind` : 'none'}.</li>
          <li>Write latency: {db.writeLatencyMs} ms.</li>
          {db.failovers.map((f, i) => (
            <li key={i}>
              Failover {i + 1}: {f.kind === 'standby' ? 'standby' : 'replica'} in {where(f.to)} took over at {clock(f.completedAt)} after {f.seconds} s, losing{' '}
              {f.rpoSeconds} s of writes.
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function EventLog({ events }: { events: readonly SimEvent[] }): React.JSX.Element {
  const [open, setOpen] = useState(false);
  const recent = events.slice(-6);
  return (
    <div className={styles.events}>
      <h4 className={styles.subhead}>Latest engine events</h4>
      {recent.length === 0 ? <p className={styles.help}>Nothing has happened yet.</p> : null}
      <ol className={styles.eventList}>
        {recent.map((e, i) => (
          <li key={events.length - recent.length + i}>
            <span className={styles.eventTime}>{clock(e.time)}</span> {e.message}
          </li>
        ))}
      </ol>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>All {events.length} events so far</summary>
        {open ? (
          <ol className={styles.eventList}>
            {events.map((e, i) => (
              <li key={i}>
                <span className={styles.eventTime}>{clock(e.time)}</span> {e.message}
              </li>
            ))}
          </ol>
        ) : null}
      </details>
    </div>
  );
}
