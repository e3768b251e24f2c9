/**
 * The control plane decides, the data plane follows: the engine's world is asked first, and the
 * emulator (a fake here) is touched only when the engine accepts.
 */
import { describe, expect, it } from 'vitest';
import { VmController, type Emulator, type MachineSpec } from '../../src/vm';

function fakeFactory() {
  const made: Array<{ spec: MachineSpec; restarts: number; destroyed: boolean }> = [];
  const factory = (spec: MachineSpec): Emulator => {
    const m = { spec, restarts: 0, destroyed: false };
    made.push(m);
    return {
      restart: () => void m.restarts++,
      destroy: () => void (m.destroyed = true),
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
    expect(await c.stop()).toEqual({ ok: false, reason: 'no VM named lab-1' });
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
});
