/**
 * How figures across 1 July 2025 are shown: as reported by the units of their time, or re-aggregated
 * onto the units of the 2025 list through the crosswalk. Lives in the model so that the queries need not
 * know the view's state.
 */
export type Basis = 'reported' | 'units2025';
