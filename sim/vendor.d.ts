declare module 'cloud-regions-country-flags' {
  export function fromProvider(
    region: string,
    provider: 'AWS' | 'GCP' | 'Azure',
  ): { location: string; flag: string; country: string | null; latitude: number; longitude: number };
}
