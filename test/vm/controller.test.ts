/**
 * The control plane decides, the data plane follows: the engine's world is asked first, and the
 * emulator (a fake here) is touched only when the engine accepts.
 */
import { describe, expect, it } from 'vitest';
import { LabHost, VmController, modelledContention, neighbourNames, sharedHostScenario, type Emulator, type MachineSpec } from '../../src/vm';

function fakeFactory() {
  const made: Array<{ spec: MachineSpec; restarts: number; destroyed: boolean; memory: Uint8Array }> = [];
  const factory = (spec: MachineSpec): Emulator => {
    // The fake machine's "RAM" is a few bytes the test can write and read back across save/restore.
    const m = { spec, restarts: 0, destroyed: false, memory: new Uint8Array(4) };
    made.push(m);
    return {
      restart: () => void m.restarts++,
      destroy: () => void (m.destroyed = true),
      saveState: async () => m.memory.slice().buffer,
      restoreState: async (state) => void m.memory.set(new Uint8Array(state)),
    };
  };
  return { made, factory };
}

describe('VmController with a fake emulator', () => {
  it('launches on the first start and boots a machine only once the engine has the VM running', async () => {
    const { made, factory } = fakeFactory();
    const c = new VmController(factory);
    expect(c.state).toBe('not launched');
    const out = await c.start();
    expect(out.ok).toBe(true);
    expect(c.state).toBe('running');
    expect(made).toHaveLength(1);
    expect(made[0].spec).toMatchObject({ vm: 'lab-1', host: c.host, vcpu: 1, memoryMiB: 128 });
    expect(made[0].spec.disk).toBe(c.currentDisk);
    expect(c.world.events.map((e) => e.kind)).toEqual(['launched', 'running']);
  });

  it('reboot resets the same machine on the same host; the disk stays', async () => {
    const { made, factory } = fakeFactory();
    const c = new VmController(factory);
    await c.start();
    const host = c.host;
    const disk = c.currentDisk;
    expect((await c.reboot()).ok).toBe(true);
    expect(made).toHaveLength(1);
    expect(made[0].restarts).toBe(1);
    expect(made[0].destroyed).toBe(false);
    expect(c.host).toBe(host);
    expect(c.currentDisk).toBe(disk);
    expect(disk!.boots).toBe(2);
    expect(c.world.events.map((e) => e.kind).slice(-2)).toEqual(['rebooting', 'rebooted']);
  });

  it('stop powers the machine off and releases the host, keeps the disk; start boots a new machine with it', async () => {
    const { made, factory } = fakeFactory();
    const c = new VmController(factory);
    await c.start();
    const disk = c.currentDisk;
    expect((await c.stop()).ok).toBe(true);
    expect(c.state).toBe('stopped');
    expect(c.host).toBeUndefined();
    expect(c.emulator).toBeNull();
    expect(made[0].destroyed).toBe(true);
    expect(c.currentDisk).toBe(disk);
    expect((await c.start()).ok).toBe(true);
    expect(made).toHaveLength(2);
    expect(made[1].spec.disk).toBe(disk);
    expect(disk!.boots).toBe(2);
  });

  it('terminate destroys the machine and drops the disk; the engine then refuses to start it, and the emulator is untouched', async () => {
    const { made, factory } = fakeFactory();
    let calls = 0;
    const c = new VmController((spec) => {
      calls++;
      return factory(spec);
    });
    await c.start();
    expect((await c.terminate()).ok).toBe(true);
    expect(c.state).toBe('terminated');
    expect(made[0].destroyed).toBe(true);
    expect(c.emulator).toBeNull();
    expect(c.currentDisk).toBeNull();
    const refused = await c.start();
    expect(refused).toEqual({ ok: false, reason: 'lab-1 is terminated: a terminated instance cannot be started' });
    expect(calls).toBe(1);
    expect(c.world.events.at(-1)).toMatchObject({ kind: 'refused', vm: 'lab-1' });
    for (const action of ['stop', 'reboot', 'terminate'] as const) {
      const out = await c.act(action);
      expect(out.ok).toBe(false);
    }
    expect(calls).toBe(1);
    expect(made[0].restarts).toBe(0);
  });

  it('refuses illegal actions before launch and while stopped, without touching the emulator', async () => {
    const { made, factory } = fakeFactory();
    const c = new VmController(factory);
    // Before any launch the engine knows no lab-1 and refuses; the controller keeps its reason and
    // says what the reader can do.
    for (const [action, refused] of [
      ['stop', await c.stop()],
      ['reboot', await c.reboot()],
      ['terminate', await c.terminate()],
    ] as const) {
      expect(refused).toEqual({
        ok: false,
        reason: `the engine refused (no VM named lab-1): lab-1 is not launched yet, so there is nothing to ${action}; the first Start launches it`,
      });
    }
    await c.start();
    await c.stop();
    const reboot = await c.reboot();
    expect(reboot.ok).toBe(false);
    if (!reboot.ok) expect(reboot.reason).toMatch(/cannot reboot lab-1 while it is stopped/);
    expect(made).toHaveLength(1);
    expect(made[0].restarts).toBe(0);
    expect((await c.start()).ok).toBe(true);
    expect((await c.start()).ok).toBe(false); // already running
    expect(made).toHaveLength(2);
  });

  it('a machine that fails to boot is a crash in the engine; a reboot retries it', async () => {
    let fail = true;
    const { made, factory } = fakeFactory();
    const c = new VmController((spec) => {
      if (fail) throw new Error('no wasm');
      return factory(spec);
    });
    const out = await c.start();
    expect(out).toEqual({ ok: false, reason: 'the emulator could not start: no wasm' });
    expect(c.emulator).toBeNull();
    fail = false;
    expect((await c.reboot()).ok).toBe(true);
    expect(made).toHaveLength(1);
    expect(c.emulator).not.toBeNull();
  });

  it('runs actions one at a time, in the order asked', async () => {
    const { made, factory } = fakeFactory();
    const c = new VmController(async (spec) => {
      await new Promise((r) => setTimeout(r, 20));
      return factory(spec);
    });
    const [a, b, d] = await Promise.all([c.start(), c.stop(), c.start()]);
    expect([a.ok, b.ok, d.ok]).toEqual([true, true, true]);
    expect(made).toHaveLength(2);
    expect(made[0].destroyed).toBe(true);
    expect(c.state).toBe('running');
  });

  it('launches with the memory the reader chose; the engine sizes the VM with it and later starts keep it', async () => {
    const { made, factory } = fakeFactory();
    const c = new VmController(factory);
    await c.start({ memoryMiB: 32, boot: 'scratch' });
    expect(c.world.vm('lab-1')!.memoryGiB).toBe(32 / 1024);
    expect(made[0].spec).toMatchObject({ memoryMiB: 32, boot: 'scratch' });
    await c.stop();
    await c.start({ memoryMiB: 128 }); // memory is the instance's size, fixed at launch
    expect(made[1].spec).toMatchObject({ memoryMiB: 32, boot: 'scratch' });
    expect(c.memoryMiB).toBe(32);
  });

  it('boots from the saved state by default (instant start) and from scratch when asked; a reboot always boots', async () => {
    const { made, factory } = fakeFactory();
    const c = new VmController(factory);
    await c.start();
    expect(made[0].spec.boot).toBe('saved');
    await c.stop();
    await c.start({ boot: 'scratch' });
    expect(made[1].spec.boot).toBe('scratch');
    expect(c.bootMode).toBe('scratch');
  });

  it('saves the running machine and restores it: the guest memory comes back; the engine sees no change of state', async () => {
    const { made, factory } = fakeFactory();
    const c = new VmController(factory);
    await c.start();
    made[0].memory.set([1, 2, 3, 4]);
    const saved = await c.save();
    expect(saved.ok).toBe(true);
    expect(c.savedState).toMatchObject({ vm: 'lab-1', bytes: 4, memoryMiB: 128 });
    const events = c.world.events.length;
    made[0].memory.set([9, 9, 9, 9]);
    expect(await c.restore()).toEqual({ ok: true, message: 'restored lab-1 to its saved state (0.0 MB)' });
    expect([...made[0].memory]).toEqual([1, 2, 3, 4]);
    expect(c.state).toBe('running');
    expect(c.world.events.length).toBe(events); // the engine models no snapshot
  });

  it('refuses restore without a saved state, without a running machine, and into another VM, with the reason', async () => {
    const { factory } = fakeFactory();
    const c = new VmController(factory);
    expect(await c.restore()).toEqual({ ok: false, reason: 'there is no saved state: save one first, while the machine runs' });
    expect(await c.save()).toEqual({ ok: false, reason: 'lab-1 has no running machine to save (it is not launched)' });
    await c.start();
    await c.save();
    await c.stop();
    expect(await c.restore()).toEqual({ ok: false, reason: 'lab-1 is stopped: a state is restored into a running machine, so start it first' });
    await c.start();
    expect((await c.restore()).ok).toBe(true); // stop keeps the disk, so the same VM may take its state back
    await c.terminate();
    expect((await c.launchNew()).ok).toBe(true);
    expect(c.vmName).toBe('lab-2');
    const into2 = await c.restore();
    expect(into2.ok).toBe(false);
    if (!into2.ok) expect(into2.reason).toMatch(/saved state is lab-1's, and lab-1 was terminated/);
  });

  it('launches a new VM with a new blank disk only after a terminate', async () => {
    const { made, factory } = fakeFactory();
    const c = new VmController(factory);
    expect(await c.launchNew()).toEqual({ ok: false, reason: 'lab-1 is not launched yet: Start launches it' });
    await c.start();
    const first = c.currentDisk;
    expect(await c.launchNew()).toEqual({ ok: false, reason: 'lab-1 is running: terminate it before launching a new VM' });
    await c.terminate();
    await c.launchNew({ memoryMiB: 64 });
    expect(c.state).toBe('running');
    expect(c.world.vm('lab-1')!.state).toBe('terminated');
    expect(c.currentDisk).not.toBe(first);
    expect(c.currentDisk!.id).toBe('lab-2-disk');
    expect(made[1].spec).toMatchObject({ vm: 'lab-2', memoryMiB: 64 });
  });
});

describe('two VMs on one engine host', () => {
  it('the engine places both on the one host of the shared world and refuses a third that does not fit', async () => {
    const lab = new LabHost(sharedHostScenario);
    const { made, factory } = fakeFactory();
    const timed = new VmController(factory, { lab, name: neighbourNames.timed });
    const noisy = new VmController(factory, { lab, name: neighbourNames.noisy });
    expect((await timed.start()).ok).toBe(true);
    expect((await noisy.start()).ok).toBe(true);
    expect(timed.host).toBe('eu-central-1a-h1');
    expect(noisy.host).toBe(timed.host);
    expect(made.map((m) => m.spec.host)).toEqual([timed.host, timed.host]);
    // One core with CPU overcommit 2 holds two one-vCPU VMs, not three.
    const third = new VmController(factory, { lab, name: 'third' });
    const refused = await third.start();
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toMatch(/insufficient capacity|no host/);
    expect(made).toHaveLength(2);
  });

  it('each controller drives only its own VM: stopping one leaves the other running', async () => {
    const lab = new LabHost(sharedHostScenario);
    const { made, factory } = fakeFactory();
    const a = new VmController(factory, { lab, name: 'a' });
    const b = new VmController(factory, { lab, name: 'b' });
    await a.start();
    await b.start();
    await a.stop();
    expect(a.state).toBe('stopped');
    expect(b.state).toBe('running');
    expect(made[1].destroyed).toBe(false);
  });

  it("the engine's contention model: alone the timed VM gets its core, with a burning neighbour half of it (one core, two busy vCPUs)", () => {
    const model = modelledContention();
    expect(model.shareAlone).toBe(1);
    expect(model.shareWithNeighbour).toBe(0.5);
    expect(model.stealPercent).toBe(50);
    expect(model.slowdown).toBe(2);
  });

  it('setLoad tells the engine how busy the guest is, and its report shows the steal', async () => {
    const lab = new LabHost(sharedHostScenario);
    const { factory } = fakeFactory();
    const a = new VmController(factory, { lab, name: 'a' });
    const b = new VmController(factory, { lab, name: 'b' });
    await a.start();
    await b.start();
    expect(a.setLoad(1).ok).toBe(true);
    expect(b.setLoad(1).ok).toBe(true);
    expect(lab.world.vm('a-1')!.stealPercent).toBe(50);
  });
});

describe('VmController while a machine is still loading', () => {
  /** A factory whose machine arrives only when the test says so, as a slow download would. */
  function slowFactory() {
    let arrive!: () => void;
    const machine = { destroyed: false };
    const factory = (_spec: MachineSpec): Promise<Emulator> =>
      new Promise((resolve) => {
        arrive = () => resolve({ restart: () => undefined, destroy: () => void (machine.destroyed = true) });
      });
    return { factory, machine, arrive: () => arrive() };
  }

  it('Stop does not wait for the download: the start gives up, the VM stops, and a machine that arrives later is powered off', async () => {
    const { factory, machine, arrive } = slowFactory();
    const c = new VmController(factory);
    const starting = c.start();
    await Promise.resolve();
    const stopping = c.stop();
    const started = await starting;
    expect(started).toEqual({ ok: false, reason: 'lab-1 was not powered on: Stop was pressed while the machine was still loading' });
    expect((await stopping).ok).toBe(true);
    expect(c.state).toBe('stopped');
    expect(c.emulator).toBeNull();
    arrive();
    await new Promise((r) => setTimeout(r, 0));
    expect(machine.destroyed).toBe(true);
    expect(c.emulator).toBeNull();
  });

  it('Terminate while loading terminates the VM and drops its disk', async () => {
    const { factory, machine, arrive } = slowFactory();
    const c = new VmController(factory);
    const starting = c.start();
    await Promise.resolve();
    const out = await c.terminate();
    expect((await starting).ok).toBe(false);
    expect(out.ok).toBe(true);
    expect(c.state).toBe('terminated');
    expect(c.currentDisk).toBeNull();
    arrive();
    await new Promise((r) => setTimeout(r, 0));
    expect(machine.destroyed).toBe(true);
  });

  it('after dispose, a machine that was loading is powered off when it arrives, and no action starts another', async () => {
    const { factory, machine, arrive } = slowFactory();
    const c = new VmController(factory);
    void c.start();
    await Promise.resolve();
    await c.dispose();
    arrive();
    await new Promise((r) => setTimeout(r, 0));
    expect(machine.destroyed).toBe(true);
    expect(await c.start()).toEqual({ ok: false, reason: "lab-1's panel has been closed" });
    expect(c.emulator).toBeNull();
  });
});
