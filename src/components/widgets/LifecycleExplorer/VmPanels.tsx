/**
 * What the explorer shows of its VM beside the diagram: the bill, where it runs (with the hosts to
 * fail and repair), what its two disks hold, and the history of its transitions, all read from the
 * engine's report.
 */
import React from 'react';
import { diskMonthlyUsd, hoursPerMonth, priceTable, type Health, type Report, type VmReport } from '@site/sim';
import shared from '../shared/widget.module.css';
import { formatClock, formatUsd, withoutRepeats } from '../shared/format';
import styles from './styles.module.css';

/** What the bill did over the reader's last step of virtual time (two reports apart). */
export interface BillSpan {
  seconds: number;
  computeUsd: number;
  diskUsd: number;
}

function hostStory(report: Report, vm: VmReport): string {
  const placements = report.events.filter((e) => e.kind === 'launched' && e.vm === vm.name).map((e) => e.host);
  const now = vm.host ? `Runs on host ${vm.host}.` : `Holds no host while ${vm.state}.`;
  if (placements.length < 2) return now;
  const [previous, last] = placements.slice(-2);
  return previous === last ? `${now} Its last start put it back on the same host, ${last}.` : `${now} Its last start moved it from ${previous} to ${last}.`;
}

export function VmPanels({
  id,
  report,
  vm,
  span,
  onHost,
}: {
  id: string;
  report: Report;
  vm: VmReport;
  span: BillSpan | null;
  onHost(host: string, health: Health): void;
}): React.JSX.Element {
  // The world holds this one VM, so the world's compute and disk totals are its own.
  const cost = report.metrics.cost;
  return (
    <div className={styles.panels}>
      <section className={styles.panel} aria-labelledby={`${id}-bill`}>
        <h4 id={`${id}-bill`}>The bill</h4>
        <dl className={styles.bill}>
          <dt>Compute so far</dt>
          <dd>{formatUsd(cost.computeUsd)}</dd>
          <dt>Disk so far</dt>
          <dd>{formatUsd(cost.diskUsd)}</dd>
          <dt>{vm.name} in all</dt>
          <dd>{formatUsd(vm.costUsd)}</dd>
        </dl>
        {span ? (
          <p className={styles.small}>
            Over the last {formatClock(span.seconds)}: compute {span.computeUsd > 0 ? `grew by ${formatUsd(span.computeUsd)}` : 'did not grow'}, disk{' '}
            {span.diskUsd > 0 ? `grew by ${formatUsd(span.diskUsd)}` : 'did not grow'}.
          </p>
        ) : (
          <p className={styles.small}>Let time pass (Wait, +1 min, +1 h) to see which bill grows in this state.</p>
        )}
      </section>
      <section className={styles.panel} aria-labelledby={`${id}-host`}>
        <h4 id={`${id}-host`}>Where it runs</h4>
        <p>{hostStory(report, vm)}</p>
        <ul className={styles.hosts}>
          {report.hosts.map((h) => (
            <li key={h.id}>
              <span>
                {h.id}: <strong className={h.health === 'up' ? styles.ok : styles.bad}>{h.health === 'up' ? 'up' : 'failed'}</strong>
                {h.vms.length ? `, holds ${h.vms.join(', ')}` : ', empty'}
              </span>{' '}
              <button type="button" className={shared.button} onClick={() => onHost(h.id, h.health)}>
                {h.health === 'up' ? `Fail ${h.id}` : `Repair ${h.id}`}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** A bar of how full a disk is; decorative, as the text beside it says the same. */
function Fill({ used, size }: { used: number; size: number }): React.JSX.Element {
  return (
    <span className={styles.fill} aria-hidden="true">
      <span style={{ width: `${size > 0 ? Math.min(100, (used / size) * 100) : 0}%` }} />
    </span>
  );
}

export function StoragePanel({ id, report, vm }: { id: string; report: Report; vm: VmReport }): React.JSX.Element {
  const { rootVolume, instanceStore } = vm.storage;
  const monthly = diskMonthlyUsd(vm.region, rootVolume.sizeGiB);
  const gp3 = priceTable.regions[vm.region]?.gp3GbMonthUsd;
  const lastErased = report.events.filter((e) => e.kind === 'instance-store-erased' && e.vm === vm.name).at(-1);
  return (
    <section className={styles.panel} aria-labelledby={`${id}-storage`}>
      <h4 id={`${id}-storage`}>Storage</h4>
      <dl className={styles.disks}>
        <dt>Root volume, on the network (like EBS)</dt>
        <dd>
          <Fill used={rootVolume.dataGiB} size={rootVolume.sizeGiB} />
          {rootVolume.state === 'deleted'
            ? `${rootVolume.sizeGiB} GiB, deleted with the VM at termination; no longer billed.`
            : `${rootVolume.dataGiB} of ${rootVolume.sizeGiB} GiB used. Attached whatever the state (kept while stopped), billed until the VM is terminated` +
              (monthly === undefined ? '.' : `: ${formatUsd(monthly / hoursPerMonth)} an hour.`)}
        </dd>
        <dt>Instance store, on the host's own disk</dt>
        <dd>
          {instanceStore === null ? (
            'None.'
          ) : (
            <>
              <Fill used={instanceStore.dataGiB} size={instanceStore.sizeGiB} />
              {`${instanceStore.dataGiB} of ${instanceStore.sizeGiB} GiB used, ` +
                (instanceStore.host ? `on ${instanceStore.host}. ` : `on no host while ${vm.state}: a start gives it an empty one. `) +
                'Kept at reboot, erased at stop, terminate or host failure; not billed apart from the instance.'}
            </>
          )}
        </dd>
      </dl>
      {lastErased ? (
        <p className={styles.small}>
          Last erased at {formatClock(lastErased.time)}: {lastErased.message}.
        </p>
      ) : null}
      {gp3 !== undefined ? (
        <p className={styles.small}>
          The volume's price is the engine's: AWS's gp3 list price in {vm.region}, {gp3} {priceTable.currency} per GB-month (as of{' '}
          {priceTable.sources.gp3GbMonthUsd.asOf}), a month taken as {hoursPerMonth} h.
        </p>
      ) : null}
    </section>
  );
}

export function History({ id, report, vm }: { id: string; report: Report; vm: VmReport | null }): React.JSX.Element | null {
  const history = vm ? withoutRepeats(report.events).filter((e) => e.vm === vm.name || e.kind === 'host-failed' || e.kind === 'host-recovered') : [];
  if (history.length === 0) return null;
  return (
    <section className={styles.panel} aria-labelledby={`${id}-history`}>
      <h4 id={`${id}-history`}>History</h4>
      <ol className={styles.history}>
        {history.map((e, i) => (
          <li key={i}>
            <span className={styles.time}>{formatClock(e.time)}</span> {e.message}
          </li>
        ))}
      </ol>
    </section>
  );
}
