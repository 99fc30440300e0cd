/**
 * ExpressRoute geopolitical regions, as the ExpressRoute locations page maps them: Azure regions and ExpressRoute
 * peering locations per geopolitical region ("Azure regions to ExpressRoute locations within a geopolitical region",
 * https://learn.microsoft.com/azure/expressroute/expressroute-locations). Only the rows of that table are listed;
 * a region or location not in it is not judged (undefined), never guessed.
 */
const TABLE: Record<string, { regions: string[]; locations: string[] }> = {
  'Australia Government': { regions: ['australiacentral', 'australiacentral2'], locations: ['canberra', 'canberra2'] },
  Europe: {
    regions: ['francecentral', 'francesouth', 'northeurope', 'westeurope', 'ukwest', 'uksouth'],
    locations: ['amsterdam', 'amsterdam2', 'copenhagen', 'dublin', 'frankfurt', 'london', 'london2', 'marseille', 'newport(wales)', 'paris', 'zurich'],
  },
  'North America': {
    regions: ['eastus', 'westus', 'eastus2', 'westus2', 'centralus', 'southcentralus', 'northcentralus', 'westcentralus', 'canadacentral', 'canadaeast'],
    locations: ['atlanta', 'chicago', 'dallas', 'denver', 'lasvegas', 'losangeles', 'miami', 'newyork', 'sanantonio', 'seattle', 'siliconvalley', 'siliconvalley2', 'washingtondc', 'washingtondc2', 'montreal', 'quebeccity', 'toronto'],
  },
  Asia: { regions: ['eastasia', 'southeastasia'], locations: ['hongkongsar', 'hongkong', 'kualalumpur', 'singapore', 'singapore2', 'taipei'] },
  India: { regions: ['westindia', 'centralindia', 'southindia'], locations: ['chennai', 'chennai2', 'mumbai', 'mumbai2'] },
  Japan: { regions: ['japanwest', 'japaneast'], locations: ['osaka', 'tokyo'] },
  Oceania: { regions: ['australiasoutheast', 'australiaeast'], locations: ['auckland', 'melbourne', 'perth', 'sydney'] },
  'South Korea': { regions: ['koreacentral', 'koreasouth'], locations: ['busan', 'seoul'] },
  UAE: { regions: ['uaecentral', 'uaenorth'], locations: ['dubai', 'dubai2'] },
  'South Africa': { regions: ['southafricawest', 'southafricanorth'], locations: ['capetown', 'johannesburg'] },
  'South America': { regions: ['brazilsouth'], locations: ['saopaulo'] },
};

const key = (s: string) => s.replace(/\s+/g, '').toLowerCase();
const BY_REGION = new Map<string, string>();
const BY_LOCATION = new Map<string, string>();
for (const [area, row] of Object.entries(TABLE)) {
  for (const r of row.regions) BY_REGION.set(r, area);
  for (const l of row.locations) BY_LOCATION.set(l, area);
}

/** Geopolitical region of an Azure region ("West Europe" or "westeurope") per the locations page, or undefined. */
export function erGeoOfRegion(region: string | undefined): string | undefined {
  return region ? BY_REGION.get(key(region)) : undefined;
}

/** Geopolitical region of an ExpressRoute peering location ("Silicon Valley", "Newport(Wales)"), or undefined. */
export function erGeoOfPeeringLocation(location: string | undefined): string | undefined {
  return location ? BY_LOCATION.get(key(location)) : undefined;
}
