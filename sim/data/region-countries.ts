/**
 * Each AWS region's country as the `cloud-regions-country-flags` package gives it, for the public
 * regions of `aws-regions`: only these rows of the package's table, because a page that runs the
 * engine would otherwise download the package's table of every provider's regions (about 14 KB gzip)
 * for some twenty countries. The package stays the source: test/sim/regions.test.ts holds this table
 * equal to what the package says, so a package update that adds a region or renames a country fails
 * there until the row is copied here. The engine's own corrections (sim/regions.ts) apply on top.
 */
export const packageCountries: Readonly<Record<string, string>> = {
  'us-east-1': 'United States of America',
  'us-east-2': 'United States of America',
  'us-west-1': 'United States of America',
  'us-west-2': 'United States of America',
  'ca-central-1': 'Canada',
  'eu-north-1': 'Sweden',
  'eu-west-1': 'Ireland',
  'eu-west-2': 'England',
  'eu-west-3': 'France',
  'eu-central-1': 'Germany',
  'eu-south-1': 'Italy',
  'af-south-1': 'South Africa',
  'ap-northeast-1': 'Japan',
  'ap-northeast-2': 'South Korea',
  'ap-northeast-3': 'Japan',
  'ap-southeast-1': 'Singapore',
  'ap-southeast-2': 'Australia',
  'ap-southeast-3': 'Indonesia',
  'ap-east-1': 'China',
  'ap-south-1': 'India',
  'sa-east-1': 'Brazil',
  'me-south-1': 'Bahrain',
};
