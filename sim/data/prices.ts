/**
 * Real AWS list prices, in USD, for two things in each region: one hour of an on-demand m5.large
 * (2 vCPU, 8 GiB, Linux, shared tenancy, no pre-installed software) and one GB-month of EBS gp3
 * storage (storage only; gp3's included 3,000 IOPS and 125 MB/s need no extra charge). Both come from
 * AWS's own price data, as copied into public repositories: the m5.large hours from SkyPilot's
 * catalog, which takes the on-demand Linux/Used price from the AWS Price List bulk files; the gp3
 * prices from AWS's EBS price map (ebs.json) published 2025-10-28. The catalog snapshot's commit date
 * could not be seen; its m5 prices match the AWS Price List values recorded on 2024-10-10 and, for
 * us-east-1, Karpenter's table generated on 2026-07-20. Each column carries its own source and date
 * (`sources`): the instance hours are dated 2024-10-10, the gp3 prices 2025-10-28. sa-east-1 is left out: no source for its
 * m5.large price was found. AWS changes prices, adds regions and bills more than this (data transfer,
 * IPv4 addresses, snapshots, taxes); treat these as a dated teaching reference, not a quote.
 *
 * How each figure was read (kept here, in a comment, so that it does not ship in the bundle):
 * - instanceHourUsd: SkyPilot's catalogs/v8/aws/vms.csv at commit 00148f2a, the on-demand price (the same
 *   in every AZ row of a region). SkyPilot builds it from the AWS Price List bulk file of each region,
 *   keeping TermType OnDemand, Linux, no pre-installed software, CapacityStatus Used
 *   (sky/catalog/data_fetchers/fetch_aws.py), and skips sa-east-1.
 * - Cross-checks: the same file lists m5.xlarge at exactly twice m5.large in every region; those m5.xlarge
 *   prices equal, in all 18 regions covered, the AWS Price List API values in jimgarrett123/rosa-calculator
 *   price/out/ec2.sql (fetched 2024-10-10 per price/out/info.json, commit 9baa251); us-east-1's 0.096
 *   equals aws/karpenter-provider-aws pkg/providers/pricing/zz_generated.pricing_aws.go at commit 6fc13b52
 *   (generated 2026-07-20).
 * - gp3GbMonthUsd: AWS's EBS price map (b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ec2/USD/current/ebs.json)
 *   as committed in rosa-calculator price/data/ebs.json, commit 78e72bb (manifest hawkFilePublicationDate
 *   2025-10-28T17:54:55Z). Region names mapped: EU (Stockholm)=eu-north-1, EU (Milan)=eu-south-1,
 *   Asia Pacific (Osaka)=ap-northeast-3, Asia Pacific (Jakarta)=ap-southeast-3, Asia Pacific (Hong Kong)=ap-east-1,
 *   Middle East (Bahrain)=me-south-1, Africa (Cape Town)=af-south-1. sa-east-1's gp3 price there is 0.152.
 */
export const priceTable = {
  currency: 'USD',
  referenceInstance: { name: 'm5.large', vcpu: 2, memoryGiB: 8, os: 'Linux', tenancy: 'shared' },
  /** Where each column comes from and the date its values are known to hold: the two were read at different times. */
  sources: {
    instanceHourUsd: {
      what: 'on-demand m5.large, Linux, per hour',
      source:
        'github.com/skypilot-org/skypilot-catalog catalogs/v8/aws/vms.csv @ 00148f2af3672e2229b4f7bf8157d5a3f36e3c35 (column Price), ' +
        'equal to the AWS Price List API values in github.com/jimgarrett123/rosa-calculator price/out/ec2.sql @ 9baa251ab65d888778e93ba85f2cc12f1cbe1587',
      // price/out/info.json at that commit: last_updated 1728582946, 2024-10-10T17:55:46Z.
      asOf: '2024-10-10',
    },
    gp3GbMonthUsd: {
      what: 'EBS gp3 storage, per GB-month',
      source:
        'github.com/jimgarrett123/rosa-calculator price/data/ebs.json @ 78e72bb06fa2a6c03b04461d742a6b7bbffabdaa (AWS ebs.json, key "Storage General Purpose gp3 GB Mo")',
      asOf: '2025-10-28',
    },
  },
  regions: {
    'us-east-1': { instanceHourUsd: 0.096, gp3GbMonthUsd: 0.08 },
    'us-east-2': { instanceHourUsd: 0.096, gp3GbMonthUsd: 0.08 },
    'us-west-1': { instanceHourUsd: 0.112, gp3GbMonthUsd: 0.096 },
    'us-west-2': { instanceHourUsd: 0.096, gp3GbMonthUsd: 0.08 },
    'ca-central-1': { instanceHourUsd: 0.107, gp3GbMonthUsd: 0.088 },
    'eu-north-1': { instanceHourUsd: 0.102, gp3GbMonthUsd: 0.0836 },
    'eu-west-1': { instanceHourUsd: 0.107, gp3GbMonthUsd: 0.088 },
    'eu-west-2': { instanceHourUsd: 0.111, gp3GbMonthUsd: 0.0928 },
    'eu-west-3': { instanceHourUsd: 0.112, gp3GbMonthUsd: 0.0928 },
    'eu-central-1': { instanceHourUsd: 0.115, gp3GbMonthUsd: 0.0952 },
    'eu-south-1': { instanceHourUsd: 0.112, gp3GbMonthUsd: 0.0924 },
    'af-south-1': { instanceHourUsd: 0.127, gp3GbMonthUsd: 0.1047 },
    'ap-northeast-1': { instanceHourUsd: 0.124, gp3GbMonthUsd: 0.096 },
    'ap-northeast-2': { instanceHourUsd: 0.118, gp3GbMonthUsd: 0.0912 },
    'ap-northeast-3': { instanceHourUsd: 0.124, gp3GbMonthUsd: 0.096 },
    'ap-southeast-1': { instanceHourUsd: 0.12, gp3GbMonthUsd: 0.096 },
    'ap-southeast-2': { instanceHourUsd: 0.12, gp3GbMonthUsd: 0.096 },
    'ap-southeast-3': { instanceHourUsd: 0.12, gp3GbMonthUsd: 0.096 },
    'ap-east-1': { instanceHourUsd: 0.132, gp3GbMonthUsd: 0.1056 },
    'ap-south-1': { instanceHourUsd: 0.101, gp3GbMonthUsd: 0.0912 },
    'me-south-1': { instanceHourUsd: 0.118, gp3GbMonthUsd: 0.0968 },
  } as Record<string, { instanceHourUsd: number; gp3GbMonthUsd: number }>,
} as const;

/** One line naming a column's source and date, for views that cite a price. */
export function priceSource(column: keyof typeof priceTable.sources): string {
  const s = priceTable.sources[column];
  return `${s.what}: ${s.source} (${priceTable.currency}, as of ${s.asOf})`;
}
