import MDXComponents from '@theme-original/MDXComponents';
import { HypervisorLab, LifecycleExplorer, RegionExplorer, AzFailureLab, ElasticityLab } from '@site/src/components/widgets';
import Quiz from '@site/src/components/Quiz';

// Widgets and quizzes are global in MDX: a lesson writes <HypervisorLab /> or <Quiz quiz="regions" />.
export default {
  ...MDXComponents,
  HypervisorLab,
  LifecycleExplorer,
  RegionExplorer,
  AzFailureLab,
  ElasticityLab,
  Quiz,
};
