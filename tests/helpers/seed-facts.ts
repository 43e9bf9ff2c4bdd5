// Facts of the real seed that several tests check against.

/**
 * PRP injection and the treatments that inject PRP: document 000's contraindications and its
 * suspension in France concern them. Topical PRP (after a derma-roller, or microneedling with PRP)
 * inherits neither (seed/FORMAT.md, "Modelling rules").
 */
export const PRP_INJECTED = ['prp-injection', 'prp-mesolift', 'prp-microfilling'];
