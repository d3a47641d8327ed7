search-title = Search offers
search-intro = Find counselling, courses and other offers for immigrants – in any language, also by abbreviations like MBE, JMD or Kita.
search-q = Search terms
search-q-hint = For example “Deutschkurs”, “Kita” or “Migrationsberatung”. Typos are fine.
search-radius = Distance
search-radius-km = { $km } km
search-any = any
search-language = Language of the offer
search-open-now = Open now
search-free = Free of charge
search-results = { $total ->
    [one] 1 offer
   *[other] { $total } offers
}
search-none = No offers found. Try fewer filters or other search terms.
search-relaxed = Not all your search words occur together in one offer. Showing offers that match some of your words too (at least { $at_least } of { $of }); the best matches come first.
search-did-you-mean = Did you mean:
search-words-only = The same words without filters
search-whole-field = All offers in “{ $field }”
search-to-finder = Find the contact point for your place
search-places = Places
search-map = Map of the offers
search-distance = { $km } km away
search-pagination = Pages
search-page = Page { $page } of { $pages }
search-prev = Previous page
search-next = Next page
search-err-value = Invalid value for “{ $name }”: “{ $value }”. Valid values: { $valid }.
search-err-region = Unknown region “{ $value }” (expected an official key of a Land, Regierungsbezirk, Kreis or municipality).
search-more-places = { $count ->
    [one] and one more place
   *[other] and { $count } more places
}
