/**
 * Azure region → geopolitical area, used to decide whether Global Reach between two circuits needs Premium
 * (domain.md §5.8 [GR-ABOUT]). domain.md has no region table, so this grouping is an inference; unknown regions
 * are not judged.
 */
const AREAS: Record<string, string[]> = {
  'north-america': ['eastus', 'eastus2', 'centralus', 'northcentralus', 'southcentralus', 'westcentralus', 'westus', 'westus2', 'westus3', 'canadacentral', 'canadaeast', 'mexicocentral'],
  'south-america': ['brazilsouth', 'brazilsoutheast', 'chilecentral'],
  europe: [
    'northeurope', 'westeurope', 'uksouth', 'ukwest', 'francecentral', 'francesouth', 'germanywestcentral', 'germanynorth',
    'switzerlandnorth', 'switzerlandwest', 'norwayeast', 'norwaywest', 'swedencentral', 'swedensouth', 'polandcentral',
    'italynorth', 'spaincentral', 'austriaeast', 'belgiumcentral', 'denmarkeast',
  ],
  asia: ['eastasia', 'southeastasia', 'japaneast', 'japanwest', 'koreacentral', 'koreasouth', 'indonesiacentral', 'malaysiawest', 'taiwannorth'],
  india: ['centralindia', 'southindia', 'westindia', 'jioindiawest', 'jioindiacentral'],
  australia: ['australiaeast', 'australiasoutheast', 'australiacentral', 'australiacentral2', 'newzealandnorth'],
  'middle-east': ['uaenorth', 'uaecentral', 'qatarcentral', 'israelcentral', 'saudiarabiaeast'],
  africa: ['southafricanorth', 'southafricawest'],
};

const BY_REGION = new Map<string, string>(Object.entries(AREAS).flatMap(([area, regions]) => regions.map((r) => [r, area] as [string, string])));

/** Geopolitical area of an Azure region name ("West Europe" or "westeurope"), or undefined when unknown. */
export function geoArea(location: string | undefined): string | undefined {
  if (!location) return undefined;
  return BY_REGION.get(location.replace(/\s+/g, '').toLowerCase());
}
