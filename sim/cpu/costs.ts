/**
 * The cycle costs the CPU model charges. Two are facts about x86 paging (sourced); every other
 * figure is the engine's own round number, chosen for the right order of magnitude and labelled so
 * wherever it is shown. A scenario may override any of them.
 */
export interface CycleCosts {
  /** An ordinary instruction on the bare CPU. Engine's figure. */
  instruction: number;
  /** Entering the kernel and returning (a system call or an exception) on the bare CPU. Engine's figure. */
  kernelEntry: number;
  /** One memory reference of a page walk (most hit a cache). Engine's figure. */
  memoryReference: number;
  /** References of a walk through 4-level page tables: one per level. Fact of x86-64 paging. */
  nativeWalkReferences: number;
  /**
   * References of a two-dimensional walk (guest and nested tables both 4-level), at most: each of
   * the guest's 4 entries and the final address need a 4-reference nested walk, (4 + 1) × (4 + 1) − 1.
   * Bhargava et al., ASPLOS 2008.
   */
  nestedWalkReferences: number;
  /** A port access that reaches real hardware. Engine's figure. */
  deviceAccess: number;
  /** POPF on the bare CPU. Engine's figure. */
  popf: number;
  /** A fault from the guest into a software hypervisor and back (no hardware help). Engine's figure. */
  trap: number;
  /** A VM exit and the VM entry back (VT-x / AMD-V). Engine's figure; Intel puts it at hundreds to thousands of cycles. */
  vmExit: number;
  /** A hypercall into the hypervisor and back, or a fault the hypervisor bounces to the guest kernel. Engine's figure. */
  hypercall: number;
  /** The hypervisor decoding and carrying out one guest instruction. Engine's figure. */
  emulateInstruction: number;
  /** Checking one guest page-table entry and updating the hypervisor's copy. Engine's figure. */
  pageTableUpdate: number;
  /** One access to a device emulated in software (a device model). Engine's figure. */
  deviceModel: number;
  /** One request through a paravirtual queue shared with the host, its notification included. Engine's figure. */
  paravirtualIo: number;
  /** Binary translation: a sensitive instruction rewritten as a call into the hypervisor. Engine's figure. */
  translatedCallout: number;
  /** Full emulation: host cycles per guest cycle of ordinary work. Engine's figure. */
  emulationFactor: number;
}

export const defaultCosts: Readonly<CycleCosts> = Object.freeze({
  instruction: 1,
  kernelEntry: 100,
  memoryReference: 25,
  nativeWalkReferences: 4,
  nestedWalkReferences: 24,
  deviceAccess: 1000,
  popf: 20,
  trap: 2000,
  vmExit: 1000,
  hypercall: 500,
  emulateInstruction: 300,
  pageTableUpdate: 500,
  deviceModel: 5000,
  paravirtualIo: 1500,
  translatedCallout: 50,
  emulationFactor: 10,
});

/** Which figures are facts with a source; the rest are the engine's. */
export const sourcedCosts: Partial<Record<keyof CycleCosts, string>> = {
  nativeWalkReferences: 'x86-64 4-level paging: one reference per level (Intel SDM vol. 3A, ch. 4)',
  nestedWalkReferences: 'Bhargava et al., Accelerating two-dimensional page walks for virtualized systems, ASPLOS 2008',
};
