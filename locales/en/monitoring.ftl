mon-err-paging = Pages start at 1, with at most { $max } entries per page.
mon-err-period = Invalid period. Use a year (2016) or a reference day (2015-12-31 or 31.12.2015).
mon-err-unknown-indicator = Unknown indicator. Valid codes: { $codes }
mon-err-unknown-region = Unknown region { $key }. Region keys are DG (Germany) or an AGS of 2, 3, 5 or 8 digits, e.g. 09575.
mon-situation = Situation analysis
mon-situation-lead = Official figures on the situation of migrants in the county, each with source, reference date, licence and definition. Below every chart its figures follow as a table.
mon-contents = Contents
mon-comparison = Share of foreign nationals compared
mon-comparison-lead = The county beside its Regierungsbezirk, Land and Germany, the latest value of each source. The sources count differently and are not mixed.
mon-region = Region
mon-definition = Definition
mon-source = Source
mon-reference-date = Reference date
mon-licence = Licence
mon-table-follows = the figures follow in the table below.
mon-period = Period
mon-category = Category
mon-value = Value
mon-numerator = Numerator
mon-denominator = Denominator
mon-mark = Mark
mon-no-data = No figures for this county yet. Tables of the statistical offices can be imported with “ikon statistics import”.
mon-marks = Special marks
mon-marks-legend = “-” nothing (exactly zero) · “0” less than half the smallest unit shown · “.” unknown or confidential · “...” not yet available · “/” not shown, too uncertain · “x” cell blocked · “()” limited reliability · p provisional, r revised, s estimated (office), e estimated · “derived” a count ikon computed from a published share.
mon-err-group = Unknown group. Possible: foreigners.
mon-err-units = Unknown units. Possible: municipalities (Zensus 2022) or grid (1 km cells, Zensus 2011: Mittelfranken 095 and its Kreise and Gemeinden).
mon-err-no-units = No figures for this region, these units and this period.

mon-map-title = { $indicator } by Gemeinde, { $period }
mon-map-no-data = no figure
mon-map-table = Figures of the map: { $title }
mon-map-boundaries = Gemeinde boundaries: VG250 as of 1 January 2016, { $attribution }.
mon-map-boundaries-older = The boundaries are older than the figures (reference date { $period }).
mon-municipality = Gemeinde
mon-key = Municipality key
mon-lq = Location quotient
mon-lq-map-title = Location quotient of the foreign population by Gemeinde, { $period }
mon-concentration = Residential distribution
mon-concentration-lead = How evenly the foreign population lives across the Gemeinden and the 1 km grid cells of the Kreis. The measures describe distributions, not their causes; they depend strongly on the size of the units and are comparable only for the same unit and year.
mon-concentration-indices = Measures of residential distribution
mon-concentration-none = There are no figures by Gemeinde or grid cell for this Kreis.
mon-concentration-units-note = Counts of foreign nationals are derived from the published shares (rounded). Grid cells belong to the Kreis by their centre.
mon-units = Units
mon-units-count = Inhabited units
mon-units-municipalities = Gemeinden
mon-units-grid = 1 km grid cells
mon-dissimilarity = Dissimilarity index (D)
mon-dissimilarity-def = Share of the foreign population that would have to move for every unit to have the same share as the whole Kreis (0 = even, 1 = completely separate).
mon-isolation = Isolation index
mon-isolation-def = Average share of foreign nationals in the unit where a foreign national lives.
mon-interaction = Interaction index
mon-interaction-def = Average share of the rest of the population in the unit where a foreign national lives (isolation + interaction = 1).
mon-entropy = Entropy (mixing)
mon-entropy-def = Mixing of the two groups across the Kreis; higher when more even.
mon-lq-def = The unit's share of foreign nationals divided by the share of the whole Kreis: 1 means as high as in the Kreis, 2 twice as high, 0.5 half as high.
## Groups with special needs
needs-title = Groups with special needs
needs-lead = Groups who need particular offers, with their estimated size and the network's offers that reach them. A group without a published offer is a gap; where the offers' service areas cover only some of its municipalities, the others are listed.
needs-new = Record a group
needs-edit = Edit group
needs-need = Group with special needs
needs-delete = Delete group
needs-caption = Groups with special needs in { $kreis }
needs-kind = Group
needs-kind-unaccompanied_minors = Unaccompanied minors
needs-kind-women_with_children = Women with small children
needs-kind-disabilities = People with disabilities
needs-kind-elderly_migrants = Elderly migrants
needs-kind-duldung = People with a Duldung (tolerated stay)
needs-kind-traumatised = Traumatised refugees
needs-kind-illiterate = People who cannot read or write
needs-kind-other = Other group
needs-other-kind = Other group, in words
needs-other-kind-hint = Only needed if you chose "Other group".
needs-age = Age
needs-age-from = Age from
needs-age-to = Age to
needs-size = Estimated number of people
needs-source = Source of the estimate
needs-source-hint = For example the youth welfare office, the immigration office or a count of your own.
needs-estimated-on = Date of the estimate
needs-area = Where they live
needs-area-hint = The whole Kreis, or the municipalities where the group lives.
needs-whole-kreis = Whole Kreis { $kreis }
needs-municipality-count = { $count ->
    [one] one municipality
   *[other] { $count } municipalities
}
needs-offers = Offers for this group
needs-offers-hint = Published offers of the network; suitable ones first (target group or field fits, service area covers where the group lives).
needs-suggested = suitable
needs-no-offers = The network has no published offers yet.
needs-notes = Notes
needs-gap = Gap: no offer
needs-gap-count = { $count ->
    [0] No group is entirely without an offer, but not every municipality is covered.
    [one] One group has no offer.
   *[other] { $count } groups have no offer.
}
needs-no-gaps = Every recorded group is reached by an offer.
needs-uncovered = Not covered
needs-empty = No group recorded yet.
needs-all = All groups with special needs
needs-err-kind = Please choose a group. Possible: { $valid }
needs-err-age = The age is a whole number from 0 to 120.
needs-err-age-order = "Age to" must not be less than "Age from".
needs-err-size = The estimated number is a whole number from 0.
needs-err-municipality = The municipality { $key } is not in the network's Kreis.
needs-err-no-area = Please choose the whole Kreis or at least one municipality.
needs-err-date = Please give a date as YYYY-MM-DD.
needs-err-offer = Offer { $id } is not a published offer of this network.
needs-err-body = The body is not valid JSON for a group: { $detail }
notice-need-saved = The group is saved.
notice-need-deleted = The group is deleted.

## The supervisor's comparison of the Kreise of a region
cmp-title = Kreise compared
cmp-lead = Every Kreis and kreisfreie Stadt of the region with the indicator's latest value, beside the Regierungsbezirk, the Land and Germany. The column headers sort the table.
cmp-indicator = Indicator
cmp-show = Show
cmp-caption = { $indicator }: Kreise of { $region }
cmp-kreis = Kreis
cmp-key = Key
cmp-reference = Reference
cmp-chart-caption = { $indicator } per Kreis, dashed the Regierungsbezirk and the Land — the figures are in the following table.
cmp-chart-table = Figures of the chart: { $indicator }
cmp-link = Kreise of the region compared (situation analysis)
