/** The misconceptions quizzes/infrastructure.ts names, as quizzes/misconceptions.ts has them: written by scripts/misconceptions/write-named.ts, do not edit. */
import type { Misconception } from '../misconception-schema';

const named: readonly Misconception[] = [
  {
    id: 'iaas-provider-patches-os',
    belief: 'In IaaS the provider installs and patches the operating system of my VMs.',
    why: 'In IaaS the provider stops at the hypervisor: the operating system and everything above it are the customer’s to install, patch and secure.',
    lesson: 'infrastructure',
    section: 'IaaS, PaaS and SaaS: who manages which layer',
    anchor: 'iaas-paas-and-saas-who-manages-which-layer',
    source: { url: 'https://learn.microsoft.com/en-us/azure/security/fundamentals/shared-responsibility', asOf: '2026-12-02' },
  },
  {
    id: 'provider-controls-data-access',
    belief: 'Once a provider runs the application (SaaS), it decides who may read my data.',
    why: 'In every model, IaaS to SaaS, data, accounts and access rules stay the customer’s responsibility; the provider runs the software, not your permissions.',
    lesson: 'infrastructure',
    section: 'IaaS, PaaS and SaaS: who manages which layer',
    anchor: 'iaas-paas-and-saas-who-manages-which-layer',
    source: { url: 'https://learn.microsoft.com/en-us/azure/security/fundamentals/shared-responsibility', asOf: '2026-12-02' },
  },
  {
    id: 'one-layer-per-step',
    belief: 'Each step from on-premises to IaaS, PaaS and SaaS hands exactly one more layer to the provider.',
    why: 'The step to IaaS alone hands over the building, the network, the physical hosts and the hypervisor at once; the layers stack in a fixed order, but the handover is not one per step.',
    lesson: 'infrastructure',
    section: 'IaaS, PaaS and SaaS: who manages which layer',
    anchor: 'iaas-paas-and-saas-who-manages-which-layer',
    source: { url: 'https://learn.microsoft.com/en-us/azure/security/fundamentals/shared-responsibility', asOf: '2026-12-02' },
  },
  {
    id: 'renting-always-cheaper',
    belief: 'Renting capacity is always cheaper than owning it.',
    why: 'Renting wins when demand goes up and down, because idle capacity is handed back; for a large, steady, predictable load that runs all the time, owning (or a long commitment) can cost less.',
    lesson: 'infrastructure',
    section: 'Owning versus renting',
    anchor: 'owning-versus-renting',
  },
  {
    id: 'scaling-is-instant',
    belief: 'An auto-scaling group adds capacity the moment demand rises.',
    why: 'A group notices a rise only at its next check, and each new VM is pending before it serves; until then the extra requests are dropped or queued.',
    lesson: 'infrastructure',
    section: 'Owning versus renting',
    anchor: 'owning-versus-renting',
  },
  {
    id: 'scale-in-is-manual',
    belief: 'A group that has scaled out stays big until someone scales it back in.',
    why: 'A scaling policy works both ways: when demand falls, the group hands VMs back by itself, and stops paying for them.',
    lesson: 'infrastructure',
    section: 'Owning versus renting',
    anchor: 'owning-versus-renting',
  },
];

export default named;
