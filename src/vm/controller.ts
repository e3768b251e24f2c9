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
import { createWorld, type Outcome, type ScenarioInput, type VmState, type World } from '@site/sim';

/** What the controller needs of a running machine. */
export interface Emulator {
  /**
   * Hard reset: memory is cleared and the same machine comes up again, `boot` telling how (from
   * scratch: firmware and kernel boot again; saved: the instant-start state is resumed).
   */
  restart(options?: { boot?: BootMode }): void | Promise<void>;
  /** Power off and free the machine. */
  destroy(): void | Promise<void>;
  /** The whole machine state (CPU, RAM, devices) as bytes: what a snapshot or a live migration copies. */
  saveState?(): Promise<ArrayBuffer>;
  /** Replaces the running machine's state with a saved one. */
  restoreState?(state: ArrayBuffer): Promise<void>;
}

/**
 * The VM's disk as the control plane sees it: created at launch, kept across stop/start and reboot,
 * deleted on terminate. The data plane attaches its image as the guest's IDE disk (/mnt/disk).
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

/** The memory sizes a reader may launch the in-page VM with (the guest boots in each). */
export const memoryChoices = [32, 64, 128] as const;
export type MemoryMiB = (typeof memoryChoices)[number];
export type BootMode = NonNullable<MachineSpec['boot']>;

/** What the next start asks for: memory counts at launch only (it is the instance's size). */
export interface LaunchOptions {
  memoryMiB?: MemoryMiB;
  boot?: BootMode;
}

/** One host, one VM: the world the in-page machine lives in. */
export const labScenario: ScenarioInput = {
  name: 'One real VM in the page',
  seed: 1,
  until: 86400,
  regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: [{ cores: 2, memoryGiB: 4, diskGiB: 64 }] }] }],
};

/** The VM the first start launches: one vCPU, and 128 MiB unless the caller picks a size (the page offers 64 first). */
export const labLaunch = { name: 'lab', vcpu: 1, memoryGiB: 0.125, diskGiB: 1, region: 'eu-central-1', az: 'eu-central-1a' } as const;

/**
 * A machine state the page keeps after "Save state". The engine has no snapshot state: to it the
 * VM is simply running before, during and after a save or a restore. What the model leaves out:
 * the pause while the state is copied, where the state is stored and what it costs, and that a
 * restored machine's clock and network connections jumped back in time.
 */
export interface SavedState {
  /** The engine VM whose machine was saved; it is restored only into that VM. */
  vm: string;
  memoryMiB: number;
  bytes: number;
  state: ArrayBuffer;
}

/**
 * One engine world and its host(s), shared by every controller made with it: two controllers on
 * one LabHost are two VMs that the engine places, sizes and refuses together (the noisy-neighbour
 * experiment puts both on one host).
 */
export class LabHost {
  readonly world: World;
  constructor(readonly scenario: ScenarioInput = labScenario) {
    this.world = createWorld(scenario, 'in-page VM');
  }

  /** Runs the engine until nothing is scheduled: the transitions just begun settle. */
  settle(): void {
    for (let i = 0; i < 100 && this.world.step(); i++);
  }
}

/** A power-on given up because Stop, Terminate or the page's going away came first. */
class PowerOnCancelled extends Error {}

export class VmController<E extends Emulator = Emulator> {
  /** Rejects the power-on in flight, if any (set while the factory loads and boots a machine). */
  private pendingPowerOn: ((reason: string) => void) | null = null;
  private disposed = false;
  readonly lab: LabHost;
  /** The launch name: VMs of this controller are `${launchName}-1`, `-2`, ... (one at a time). */
  readonly launchName: string;
  private launches = 1;
  private machine: E | null = null;
  private disk: GuestDisk | null = null;
  private saved: SavedState | null = null;
  private boot: BootMode = 'saved';
  private queue: Promise<unknown> = Promise.resolve();
  private listeners = new Set<() => void>();

  constructor(
    private readonly factory: EmulatorFactory<E>,
    options: { lab?: LabHost; name?: string } = {},
  ) {
    this.lab = options.lab ?? new LabHost();
    this.launchName = options.name ?? labLaunch.name;
  }

  get world(): World {
    return this.lab.world;
  }

  /** The engine VM this controller drives now. */
  get vmName(): string {
    return `${this.launchName}-${this.launches}`;
  }

  /** The VM's lifecycle state, as the engine has it. */
  get state(): LabState {
    return this.world.vm(this.vmName)?.state ?? 'not launched';
  }

  /** The engine's host for the VM, while it holds one. */
  get host(): string | undefined {
    return this.world.vm(this.vmName)?.host ?? undefined;
  }

  /** The VM's memory as the engine sized it at launch, or undefined before launch. */
  get memoryMiB(): number | undefined {
    const vm = this.world.vm(this.vmName);
    return vm ? Math.round(vm.memoryGiB * 1024) : undefined;
  }

  /** The running machine, or null when the engine's VM has none (not launched, stopped, terminated). */
  get emulator(): E | null {
    return this.machine;
  }

  get currentDisk(): GuestDisk | null {
    return this.disk;
  }

  get savedState(): SavedState | null {
    return this.saved;
  }

  get bootMode(): BootMode {
    return this.boot;
  }

  /** Called after every change of state, emulator, disk or saved state. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Launches the VM (first start, with `memoryMiB`) or starts it again. `boot` is how the machine
   * comes up this time and on later starts; memory is fixed at launch, as an instance's size is.
   */
  start(options: LaunchOptions = {}): Promise<Outcome> {
    return this.serial(async () => {
      if (options.boot) this.boot = options.boot;
      const launched = this.world.vm(this.vmName) !== undefined;
      const memoryGiB = (options.memoryMiB ?? labLaunch.memoryGiB * 1024) / 1024;
      const outcome = launched
        ? this.world.apply({ kind: 'start', vm: this.vmName })
        : this.world.apply({ kind: 'launch', count: 1, busy: 0.25, ...labLaunch, name: this.launchName, memoryGiB });
      if (!outcome.ok) return outcome;
      if (!this.disk) this.disk = { id: `${this.vmName}-disk`, sizeGiB: labLaunch.diskGiB, boots: 0 };
      this.lab.settle(); // pending -> running
      // The engine sizes memory in GiB ("0.0625 GiB"); the page's sizes read better in MiB.
      const said: Outcome = launched
        ? outcome
        : {
            ok: true,
            message: `launched ${this.vmName}: ${labLaunch.vcpu} vCPU, ${Math.round(memoryGiB * 1024)} MiB of memory, a ${labLaunch.diskGiB} GiB disk, on ${this.host ?? 'a host'}`,
          };
      return this.powerOn(said, this.boot);
    });
  }

  /**
   * After a terminate, launches a new VM (`lab-2`, ...) with a new, blank disk: the cloud's answer
   * to "start a terminated instance". Refused while this controller's VM still exists: the page
   * runs one machine per panel.
   */
  launchNew(options: LaunchOptions = {}): Promise<Outcome> {
    const state = this.state;
    if (state !== 'terminated') {
      return Promise.resolve({
        ok: false,
        reason: `${this.vmName} is ${state === 'not launched' ? 'not launched yet: Start launches it' : `${state}: terminate it before launching a new VM`}`,
      });
    }
    this.launches++;
    return this.start(options);
  }

  /**
   * The engine's refusal of an action on a VM that was never launched, explained: the engine knows
   * no VM by that name until the first Start launches it, and says only that.
   */
  private explained(outcome: Outcome, action: LabAction): Outcome {
    if (outcome.ok || this.state !== 'not launched') return outcome;
    return {
      ok: false,
      reason: `the engine refused (${outcome.reason}): ${this.vmName} is not launched yet, so there is nothing to ${action}; the first Start launches it`,
    };
  }

  stop(): Promise<Outcome> {
    this.cancelPowerOn('Stop was pressed while the machine was still loading');
    return this.serial(async () => {
      const outcome = this.explained(this.world.apply({ kind: 'stop', vm: this.vmName }), 'stop');
      if (!outcome.ok) return outcome;
      await this.powerOff();
      this.lab.settle(); // stopping -> stopped: the host is released, the disk is kept
      return outcome;
    });
  }

  /** Reboots the VM; `boot` is how its machine comes up again (the page's choice, as for a start). */
  reboot(options: Pick<LaunchOptions, 'boot'> = {}): Promise<Outcome> {
    return this.serial(async () => {
      if (options.boot) this.boot = options.boot;
      const outcome = this.explained(this.world.apply({ kind: 'reboot', vm: this.vmName }), 'reboot');
      if (!outcome.ok) return outcome;
      if (this.machine) {
        this.disk!.boots++;
        await this.machine.restart({ boot: this.boot });
        this.lab.settle();
        return outcome;
      }
      this.lab.settle();
      return this.powerOn(outcome, 'scratch'); // a machine that had failed to start gets a new one
    });
  }

  terminate(): Promise<Outcome> {
    this.cancelPowerOn('Terminate was pressed while the machine was still loading');
    return this.serial(async () => {
      const outcome = this.explained(this.world.apply({ kind: 'terminate', vm: this.vmName }), 'terminate');
      if (!outcome.ok) return outcome;
      await this.powerOff();
      this.disk = null; // the disk goes with the instance
      this.lab.settle(); // shutting-down -> terminated
      return outcome;
    });
  }

  /**
   * Copies the running machine's whole state (CPU, RAM, devices) into the page. The engine is not
   * asked: it has no snapshot state (see SavedState), so only the data plane can refuse.
   */
  save(): Promise<Outcome> {
    return this.serial(async () => {
      const machine = this.machine;
      if (!machine) return { ok: false, reason: `${this.vmName} has no running machine to save (it is ${this.state})` };
      if (!machine.saveState) return { ok: false, reason: 'this emulator cannot save a machine state' };
      const state = await machine.saveState();
      this.saved = { vm: this.vmName, memoryMiB: this.memoryMiB ?? 0, bytes: state.byteLength, state };
      return { ok: true, message: `saved ${this.vmName}'s state: ${(state.byteLength / 1048576).toFixed(1)} MB of CPU, RAM and device state` };
    });
  }

  /** Puts the saved state back into the running machine: the guest continues from the moment of the save. */
  restore(): Promise<Outcome> {
    return this.serial(async () => {
      const saved = this.saved;
      if (!saved) return { ok: false, reason: 'there is no saved state: save one first, while the machine runs' };
      if (saved.vm !== this.vmName)
        return {
          ok: false,
          reason: `the saved state is ${saved.vm}'s, and ${saved.vm} was terminated: its disk is gone, so its memory would not match ${this.vmName}'s disk`,
        };
      const machine = this.machine;
      if (!machine && this.state === 'terminated') {
        return {
          ok: false,
          reason: `${this.vmName} is terminated and cannot start again, so its saved state has no machine to go into: a state is restored into a running machine`,
        };
      }
      if (!machine) return { ok: false, reason: `${this.vmName} is ${this.state}: a state is restored into a running machine, so start it first` };
      if (!machine.restoreState) return { ok: false, reason: 'this emulator cannot restore a machine state' };
      await machine.restoreState(saved.state);
      return { ok: true, message: `restored ${this.vmName} to its saved state (${(saved.bytes / 1048576).toFixed(1)} MB)` };
    });
  }

  /** Tells the engine how busy the guest's vCPU is (0 idle, 1 a CPU burner), for its contention model. */
  setLoad(busy: number): Outcome {
    return this.world.apply({ kind: 'load', vm: this.vmName, busy });
  }

  /** Applies one of the four lifecycle actions by name (for buttons). */
  act(action: LabAction, options: LaunchOptions = {}): Promise<Outcome> {
    if (action === 'start') return this.start(options);
    if (action === 'reboot') return this.reboot(options);
    return this[action]();
  }

  /**
   * Frees the machine without telling the engine (the page is going away). A power-on still
   * loading is given up (its machine, if it arrives, is powered off at once), and later actions
   * are refused, so nothing keeps running in the tab after the panel is gone.
   */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.cancelPowerOn('the page went away');
    await this.queue.catch(() => undefined);
    await this.powerOff();
    this.listeners.clear();
  }

  /** Stops waiting for a machine that is still loading (Stop and Terminate must always work). */
  private cancelPowerOn(reason: string): void {
    this.pendingPowerOn?.(reason);
  }

  private async powerOn(outcome: Outcome, boot: BootMode): Promise<Outcome> {
    const vm = this.world.vm(this.vmName)!;
    if (vm.state !== 'running' || !vm.host) return outcome;
    this.disk!.boots++;
    const spec: MachineSpec = { vm: vm.name, host: vm.host, vcpu: vm.vcpu, memoryMiB: Math.round(vm.memoryGiB * 1024), disk: this.disk!, boot };
    const made = (async () => this.factory(spec))(); // a factory that throws at once rejects here too
    const cancelled = new Promise<never>((_, reject) => {
      this.pendingPowerOn = (reason) => reject(new PowerOnCancelled(reason));
    });
    try {
      this.machine = await Promise.race([made, cancelled]);
    } catch (error) {
      if (error instanceof PowerOnCancelled) {
        // The images may still be downloading: a machine that arrives later is powered off at once.
        made.then(
          (late) => late.destroy(),
          () => undefined,
        );
        return { ok: false, reason: `${this.vmName} was not powered on: ${error.message}` };
      }
      // The data plane failed: the engine records a crash, so a reboot (which retries) is legal.
      this.world.apply({ kind: 'crash', vm: this.vmName });
      return { ok: false, reason: `the emulator could not start: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      this.pendingPowerOn = null;
    }
    return outcome;
  }

  private async powerOff(): Promise<void> {
    const machine = this.machine;
    this.machine = null;
    if (machine) await machine.destroy();
  }

  private serial(task: () => Promise<Outcome>): Promise<Outcome> {
    if (this.disposed) return Promise.resolve({ ok: false, reason: `${this.vmName}'s panel has been closed` });
    const next = this.queue.then(task, task).finally(() => {
      for (const l of this.listeners) l();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
