/**
 * The control plane / data plane split of the in-page VM. The engine (sim/) owns the VM's lifecycle:
 * every action is first applied to one engine world, and the engine's refusal, with its reason, is
 * final. Only when the engine accepts does the controller act on the emulator (the data plane):
 * create and boot it once the engine's VM is running, power it off on stop, reset it on reboot,
 * destroy it and drop the VM's disk on terminate.
 *
 * Pure: the emulator comes from an injected factory (v86 in the page and the boot test, a fake in
 * unit tests), so this module loads nothing heavy and touches no DOM or Node API.
 */
import { createWorld, type Outcome, type ScenarioInput, type Simulation, type VmState } from '@site/sim';

/** What the controller needs of a running machine. */
export interface Emulator {
  /** Hard reset: memory is cleared, firmware and kernel boot again on the same machine. */
  restart(): void | Promise<void>;
  /** Power off and free the machine. */
  destroy(): void | Promise<void>;
  /** The whole machine state (CPU, RAM, devices) as bytes: what a snapshot or a live migration copies. */
  saveState?(): Promise<ArrayBuffer>;
  /** Replaces the running machine's state with a saved one. */
  restoreState?(state: ArrayBuffer): Promise<void>;
}

/**
 * The VM's disk as the control plane sees it: created at launch, kept across stop/start and reboot,
 * deleted on terminate. (The guest of this stage runs from RAM and has no disk device yet; the
 * factory receives the disk so a later stage can attach it.)
 */
export interface GuestDisk {
  readonly id: string;
  readonly sizeGiB: number;
  /** How many times a machine booted with this disk attached (first boot is 1). */
  boots: number;
  /**
   * The block device's bytes, kept by the page while the disk exists: created blank by the data
   * plane on the first power-on, written by the guest, handed back on every later power-on, and
   * dropped with the disk on terminate.
   */
  image?: ArrayBuffer;
}

/** What the engine decided the machine must be, handed to the factory on each power-on. */
export interface MachineSpec {
  vm: string;
  host: string;
  vcpu: number;
  memoryMiB: number;
  disk: GuestDisk;
  /**
   * How the machine comes up: 'saved' restores a state saved after boot (instant start, when the
   * data plane has one for this memory size), 'scratch' runs firmware, kernel and init.
   */
  boot?: 'saved' | 'scratch';
}

export type EmulatorFactory<E extends Emulator = Emulator> = (machine: MachineSpec) => E | Promise<E>;

export type LabAction = 'start' | 'stop' | 'reboot' | 'terminate';

/** The VM's state in the engine; 'not launched' until the first start launches it. */
export type LabState = VmState | 'not launched';

/** One host, one VM: the world the in-page machine lives in. */
export const labScenario: ScenarioInput = {
  name: 'One real VM in the page',
  seed: 1,
  until: 86400,
  regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: [{ cores: 2, memoryGiB: 4, diskGiB: 64 }] }] }],
};

/** The VM the first start launches: one vCPU and 128 MiB, as the emulator gives the guest. */
export const labLaunch = { name: 'lab', vcpu: 1, memoryGiB: 0.125, diskGiB: 1, region: 'eu-central-1', az: 'eu-central-1a' } as const;

export class VmController<E extends Emulator = Emulator> {
  readonly world: Simulation;
  readonly vmName = `${labLaunch.name}-1`;
  private machine: E | null = null;
  private disk: GuestDisk | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private listeners = new Set<() => void>();

  constructor(private readonly factory: EmulatorFactory<E>) {
    this.world = createWorld(labScenario, 'in-page VM');
  }

  /** The VM's lifecycle state, as the engine has it. */
  get state(): LabState {
    return this.world.vms.get(this.vmName)?.state ?? 'not launched';
  }

  /** The engine's host for the VM, while it holds one. */
  get host(): string | undefined {
    return this.world.vms.get(this.vmName)?.host;
  }

  /** The running machine, or null when the engine's VM has none (not launched, stopped, terminated). */
  get emulator(): E | null {
    return this.machine;
  }

  get currentDisk(): GuestDisk | null {
    return this.disk;
  }

  /** Called after every change of state, emulator or disk. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): Promise<Outcome> {
    return this.serial(async () => {
      const launched = this.world.vms.has(this.vmName);
      const outcome = launched ? this.world.apply({ kind: 'start', vm: this.vmName }) : this.world.apply({ kind: 'launch', count: 1, busy: 0.25, ...labLaunch });
      if (!outcome.ok) return outcome;
      if (!this.disk) this.disk = { id: `${this.vmName}-disk`, sizeGiB: labLaunch.diskGiB, boots: 0 };
      this.settle(); // pending -> running
      return this.powerOn(outcome);
    });
  }

  stop(): Promise<Outcome> {
    return this.serial(async () => {
      const outcome = this.world.apply({ kind: 'stop', vm: this.vmName });
      if (!outcome.ok) return outcome;
      await this.powerOff();
      this.settle(); // stopping -> stopped: the host is released, the disk is kept
      return outcome;
    });
  }

  reboot(): Promise<Outcome> {
    return this.serial(async () => {
      const outcome = this.world.apply({ kind: 'reboot', vm: this.vmName });
      if (!outcome.ok) return outcome;
      if (this.machine) {
        this.disk!.boots++;
        await this.machine.restart();
        this.settle();
        return outcome;
      }
      this.settle();
      return this.powerOn(outcome); // a machine that had failed to start gets a new one
    });
  }

  terminate(): Promise<Outcome> {
    return this.serial(async () => {
      const outcome = this.world.apply({ kind: 'terminate', vm: this.vmName });
      if (!outcome.ok) return outcome;
      await this.powerOff();
      this.disk = null; // the disk goes with the instance
      this.settle(); // shutting-down -> terminated
      return outcome;
    });
  }

  /** Applies one of the four actions by name (for buttons). */
  act(action: LabAction): Promise<Outcome> {
    return this[action]();
  }

  /** Frees the machine without telling the engine (the page is going away). */
  async dispose(): Promise<void> {
    await this.queue.catch(() => undefined);
    await this.powerOff();
    this.listeners.clear();
  }

  private async powerOn(outcome: Outcome): Promise<Outcome> {
    const vm = this.world.vms.get(this.vmName)!;
    if (vm.state !== 'running' || !vm.host) return outcome;
    this.disk!.boots++;
    try {
      this.machine = await this.factory({ vm: vm.name, host: vm.host, vcpu: vm.vcpu, memoryMiB: Math.round(vm.memoryGiB * 1024), disk: this.disk! });
    } catch (error) {
      // The data plane failed: the engine records a crash, so a reboot (which retries) is legal.
      this.world.apply({ kind: 'crash', vm: this.vmName });
      return { ok: false, reason: `the emulator could not start: ${error instanceof Error ? error.message : String(error)}` };
    }
    return outcome;
  }

  private async powerOff(): Promise<void> {
    const machine = this.machine;
    this.machine = null;
    if (machine) await machine.destroy();
  }

  /** Runs the engine until nothing is scheduled: the transition just begun settles. */
  private settle(): void {
    for (let i = 0; i < 100 && this.world.step(); i++);
  }

  private serial(task: () => Promise<Outcome>): Promise<Outcome> {
    const next = this.queue.then(task, task).finally(() => {
      for (const l of this.listeners) l();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
