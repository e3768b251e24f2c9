export { VmController, LabHost, labScenario, labLaunch, memoryChoices, type BootMode, type Emulator, type EmulatorFactory, type GuestDisk, type LabAction, type LabState, type LaunchOptions, type MachineSpec, type MemoryMiB, type SavedState } from './controller';
export { sharedHostScenario, neighbourNames, modelledContention, type ContentionModel } from './neighbours';
export { SerialConsole, bootStage, bootStageLabels, stripEscapes, initMarker, promptPattern, diskMountedPattern, snapshotCmdlineFlag, snapshotMarker, type BootStage } from './serial';
export { createV86Machine, resetLine, resumeLine, blankDiskBytes, snapshotCmdline, type GuestImages, type MachinePlan, type V86Machine, type V86MachineWithState, type WasmSource, guestMemory } from './v86-emulator';
