/** Every widget, by the name lessons use in MDX. */
export { default as HypervisorLab } from './HypervisorLab';
export { default as LifecycleExplorer } from './LifecycleExplorer';
export { default as RegionExplorer } from './RegionExplorer';
export { default as AzFailureLab } from './AzFailureLab';
export { default as ElasticityLab } from './ElasticityLab';
export { default as CpuLab } from './CpuLab';
