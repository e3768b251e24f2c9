/**
 * Where the reader's users can be: a city (approximate city-centre coordinates, rounded to 0.01°),
 * or the location of a region in the engine's catalog.
 */
import { regionCatalog, type GeoPoint } from '@site/sim';

export interface Place {
  id: string;
  label: string;
  location: GeoPoint;
}

export const cities: ReadonlyArray<Place> = [
  { id: 'berlin', label: 'Berlin', location: { lat: 52.52, lon: 13.41 } },
  { id: 'paris', label: 'Paris', location: { lat: 48.86, lon: 2.35 } },
  { id: 'london', label: 'London', location: { lat: 51.51, lon: -0.13 } },
  { id: 'frankfurt', label: 'Frankfurt', location: { lat: 50.11, lon: 8.68 } },
  { id: 'madrid', label: 'Madrid', location: { lat: 40.42, lon: -3.7 } },
  { id: 'rome', label: 'Rome', location: { lat: 41.9, lon: 12.5 } },
  { id: 'warsaw', label: 'Warsaw', location: { lat: 52.23, lon: 21.01 } },
  { id: 'stockholm', label: 'Stockholm', location: { lat: 59.33, lon: 18.07 } },
  { id: 'new-york', label: 'New York', location: { lat: 40.71, lon: -74.01 } },
  { id: 'chicago', label: 'Chicago', location: { lat: 41.88, lon: -87.63 } },
  { id: 'san-francisco', label: 'San Francisco', location: { lat: 37.77, lon: -122.42 } },
  { id: 'toronto', label: 'Toronto', location: { lat: 43.65, lon: -79.38 } },
  { id: 'mexico-city', label: 'Mexico City', location: { lat: 19.43, lon: -99.13 } },
  { id: 'sao-paulo', label: 'São Paulo', location: { lat: -23.55, lon: -46.63 } },
  { id: 'buenos-aires', label: 'Buenos Aires', location: { lat: -34.6, lon: -58.38 } },
  { id: 'lagos', label: 'Lagos', location: { lat: 6.52, lon: 3.38 } },
  { id: 'nairobi', label: 'Nairobi', location: { lat: -1.29, lon: 36.82 } },
  { id: 'johannesburg', label: 'Johannesburg', location: { lat: -26.2, lon: 28.05 } },
  { id: 'cairo', label: 'Cairo', location: { lat: 30.04, lon: 31.24 } },
  { id: 'dubai', label: 'Dubai', location: { lat: 25.2, lon: 55.27 } },
  { id: 'mumbai', label: 'Mumbai', location: { lat: 19.08, lon: 72.88 } },
  { id: 'singapore', label: 'Singapore', location: { lat: 1.35, lon: 103.82 } },
  { id: 'jakarta', label: 'Jakarta', location: { lat: -6.21, lon: 106.85 } },
  { id: 'hong-kong', label: 'Hong Kong', location: { lat: 22.32, lon: 114.17 } },
  { id: 'seoul', label: 'Seoul', location: { lat: 37.57, lon: 126.98 } },
  { id: 'tokyo', label: 'Tokyo', location: { lat: 35.68, lon: 139.65 } },
  { id: 'sydney', label: 'Sydney', location: { lat: -33.87, lon: 151.21 } },
  { id: 'auckland', label: 'Auckland', location: { lat: -36.85, lon: 174.76 } },
];

export const regionPlaces: ReadonlyArray<Place> = regionCatalog.map((r) => ({ id: `region:${r.code}`, label: `${r.name}, ${r.code}`, location: r.location }));

const byId = new Map([...cities, ...regionPlaces].map((p) => [p.id, p]));

export function findPlace(id: string): Place | undefined {
  return byId.get(id);
}
