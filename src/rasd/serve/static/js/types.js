// One colour per ACLED event type (spec §1), used by markers, list and legend.
export const TYPE_COLOURS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Protests": "#2ca02c",
  "Riots": "#8c564b",
  "Strategic developments": "#1f77b4",
};
export const UNKNOWN_COLOUR = "#7f7f7f";

export function typeColour(type) {
  return TYPE_COLOURS[type] || UNKNOWN_COLOUR;
}

/** A CSS class per type: 'type-0' ... 'type-5' (in TYPE_COLOURS order), 'type-x' otherwise. */
export function typeClass(type) {
  const index = Object.keys(TYPE_COLOURS).indexOf(type);
  return index >= 0 ? `type-${index}` : "type-x";
}
