export {
  VmController,
  LabHost,
  labScenario,
  labLaunch,
  memoryChoices,
  type BootMode,
  type Emulator,
  type EmulatorFactory,
  type GuestDisk,
  type LabAction,
  type LabState,
  type LaunchOptions,
  type MachineSpec,
  type MemoryMiB,
  type SavedState,
} from './controller';
export { sharedHostScenario, neighbourNames, modelledContention, type ContentionModel } from './neighbours';
export { SerialConsole, bootStage, bootStageLabels, stripEscapes, initMarker, promptPattern, type BootStage } from './serial';
export { createV86Machine, resetLine, type GuestImages, type V86Machine, type WasmSource } from './v86-emulator';
export { diskMountedPattern, snapshotCmdlineFlag, snapshotMarker } from './serial';
export { blankDiskBytes, guestMemory, resumeLine, snapshotCmdline, type MachinePlan, type V86MachineWithState } from './v86-emulator';
export { keptChars } from './serial';
export { resumes, type GuestImageLoader } from './v86-emulator';
export { stateForV86, zstdContentSize } from './state-file';
