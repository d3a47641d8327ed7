search-title = جستجوی خدمات
search-intro = مشاوره، دوره‌ها و دیگر خدمات برای مهاجران را پیدا کنید – به هر زبانی، حتی با کوته‌نوشت‌هایی مانند MBE، JMD یا Kita.
search-q = واژه‌های جستجو
search-q-hint = برای نمونه «Deutschkurs»، «Kita» یا «Migrationsberatung». غلط املایی مشکلی ندارد.
search-radius = فاصله
search-radius-km = { $km } کیلومتر
search-any = همه
search-language = زبان خدمت
search-open-now = اکنون باز است
search-free = رایگان
search-results = { $total ->
    [one] ۱ خدمت
   *[other] { $total } خدمت
}
search-none = خدمتی پیدا نشد. فیلترهای کمتر یا واژه‌های دیگری را امتحان کنید.
search-relaxed = همه‌ی واژه‌های شما با هم در یک خدمت نیامده‌اند. خدماتی هم نشان داده می‌شوند که با بخشی از واژه‌ها جور درمی‌آیند (دست‌کم { $at_least } از { $of })؛ مناسب‌ترین‌ها در بالا.
search-did-you-mean = منظورتان این بود:
search-words-only = همین واژه‌ها بدون فیلتر
search-whole-field = همه‌ی خدمات در زمینه‌ی «{ $field }»
search-to-finder = مرکز مشاوره‌ی مسئول محل خود را پیدا کنید
search-places = مکان‌ها
search-map = نقشه‌ی خدمات
search-distance = { $km } کیلومتر فاصله
search-pagination = صفحه‌ها
search-page = صفحه‌ی { $page } از { $pages }
search-prev = صفحه‌ی قبلی
search-next = صفحه‌ی بعدی
search-err-value = مقدار نامعتبر برای «{ $name }»: «{ $value }». مقدارهای معتبر: { $valid }.
search-err-region = منطقه‌ی ناشناخته «{ $value }» (کد رسمی یک ایالت، ناحیه‌ی اداری، شهرستان یا شهرداری انتظار می‌رود).
search-more-places = و { $count } مکان دیگر
