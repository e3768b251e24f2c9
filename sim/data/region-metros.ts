/**
 * Where each region is, for the latency model: the metro area of its data centres, as one point.
 *
 * Most regions are named after a city (Europe (Frankfurt), Asia Pacific (Tokyo), ...): AWS's list of
 * regions is the source, and the point is that city's centre. Seven are named after a state, a
 * province or a country; for those the point is the metro where their data centres are publicly
 * documented, with the source beside it. The location package's points are left aside because for
 * some of those it gives the middle of the state or country (us-east-1 244 km from Ashburn, us-west-2
 * 249 km from Boardman). City coordinates are city centres to about 0.01°, as an atlas gives them.
 * Checked on `metrosAsOf`.
 */
export interface RegionMetro {
  lat: number;
  lon: number;
  /** The city or metro area the point stands for. */
  metro: string;
  /** Why this metro: the region's own name, or a documented data-centre location. */
  basis: string;
  source: string;
}

export const metrosAsOf = '2026-12-02';

const awsRegionList = 'https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html';

const named = (metro: string, lat: number, lon: number): RegionMetro => ({
  metro,
  lat,
  lon,
  basis: `AWS names the region after ${metro}`,
  source: awsRegionList,
});

export const regionMetros: Readonly<Record<string, RegionMetro>> = {
  'us-east-1': {
    metro: 'Ashburn, Virginia',
    lat: 39.0438,
    lon: -77.4874,
    basis: 'US East (N. Virginia) runs from more than 25 data centres in Loudoun and Prince William counties; Ashburn is the Loudoun data-centre hub',
    source: 'https://www.datacenterfrontier.com/cloud/article/11431086/huge-cloud-expansion-underway-in-amazon-us-east (2016-09-08)',
  },
  'us-east-2': {
    metro: 'Columbus, Ohio',
    lat: 39.9612,
    lon: -82.9988,
    basis: 'AWS says US East (Ohio) launched with data centres in Franklin and Licking counties, the Columbus metro',
    source: 'https://www.aboutamazon.com/news/aws/aws-continues-to-invest-in-ohio',
  },
  'us-west-1': {
    metro: 'San Jose, California',
    lat: 37.3382,
    lon: -121.8863,
    basis: 'AWS has described its Northern California region as "in Silicon Valley"; San Jose is its largest city',
    source: 'http://aws.amazon.com/about-aws/sustainable-energy/',
  },
  'us-west-2': {
    metro: 'Boardman, Oregon',
    lat: 45.8399,
    lon: -119.7006,
    basis: "US West (Oregon)'s data centres are along the Columbia River at Boardman (Port of Morrow) and Umatilla, in eastern Oregon",
    source: 'https://www.oregonlive.com/silicon-forest/2011/11/amazon_confirms_its_data_cente.html',
  },
  'ca-central-1': {
    metro: 'Montreal, Quebec',
    lat: 45.5017,
    lon: -73.5673,
    basis: 'Canada (Central) opened with data centres just outside Montreal, as AWS said at its launch',
    source: 'https://www.ottawasun.com/2016/12/19/amazon-chooses-montreal-for-its-canadian-data-centre-operations-due-to-cheaper-hydro-costs-3',
  },
  'eu-west-1': {
    metro: 'Dublin',
    lat: 53.3498,
    lon: -6.2603,
    basis: "Europe (Ireland)'s data centres are around Dublin",
    source: 'https://www.datacenterknowledge.com/cloud/amazon-s-cloud-goes-modular-in-oregon (2011-03-28: "acquiring property near Dublin, Ireland")',
  },
  'me-south-1': {
    metro: 'Manama',
    lat: 26.2285,
    lon: 50.586,
    basis: "Middle East (Bahrain) is named after the country; Manama, its capital, stands for the island's metro area",
    source: awsRegionList,
  },
  'eu-north-1': named('Stockholm', 59.3293, 18.0686),
  'eu-west-2': named('London', 51.5074, -0.1278),
  'eu-west-3': named('Paris', 48.8566, 2.3522),
  'eu-central-1': named('Frankfurt', 50.1109, 8.6821),
  'eu-south-1': named('Milan', 45.4642, 9.19),
  'af-south-1': named('Cape Town', -33.9249, 18.4241),
  'ap-northeast-1': named('Tokyo', 35.6762, 139.6503),
  'ap-northeast-2': named('Seoul', 37.5665, 126.978),
  'ap-northeast-3': named('Osaka', 34.6937, 135.5023),
  'ap-southeast-1': named('Singapore', 1.3521, 103.8198),
  'ap-southeast-2': named('Sydney', -33.8688, 151.2093),
  'ap-southeast-3': named('Jakarta', -6.2088, 106.8456),
  'ap-east-1': named('Hong Kong', 22.3193, 114.1694),
  'ap-south-1': named('Mumbai', 19.076, 72.8777),
  'sa-east-1': named('São Paulo', -23.5505, -46.6333),
};
