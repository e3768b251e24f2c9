import React from 'react';

// Temporary placeholders so lessons can embed widgets while the widgets are built (issue 3).
function placeholder(name: string) {
  return function Placeholder(): React.JSX.Element {
    return <div role="note">The {name} widget is being built.</div>;
  };
}
export const HypervisorLab = placeholder('hypervisor lab');
export const LifecycleExplorer = placeholder('lifecycle explorer');
export const RegionExplorer = placeholder('region explorer');
export const AzFailureLab = placeholder('AZ failure lab');
export const ElasticityLab = placeholder('elasticity and cost');
