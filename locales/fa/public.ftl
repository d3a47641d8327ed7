# Public pages in Persian. Missing messages fall back to German.

nav-skip = رفتن به محتوا
nav-main = منوی اصلی
nav-finder = یافتن مشاوره
nav-search = جستجوی خدمات
nav-networks = شبکه‌ها
nav-regions = مکان‌ها و مناطق
nav-admin = مدیریت
nav-login = ورود
nav-logout = خروج
nav-language = زبان
nav-about = مشخصات ناشر، منابع داده و مجوزها
nav-coverage = پوشش
lang-internal-note = این صفحه فقط به این زبان موجود است: { $lang }.

home-title = ikon – شبکه‌های ادغام
home-lead = ikon سکوی مشترک کنفرانس‌های ادغام است: چه کسانی در شهرستان برای ادغام مهاجران کار می‌کنند، چه کسی مسئول چه کاری است و کجا می‌توان مشاوره گرفت.
home-networks = شبکه‌ها
home-no-networks = هنوز هیچ شبکه‌ای ساخته نشده است.
home-find-place = یافتن مکان یا کد پستی
network-member-count = { $count ->
    [one] یک عضو
   *[other] { $count } عضو
}
regions-search-label = مکان، شهرستان یا کد پستی
action-search = جستجو
form-has-errors = لطفاً اطلاعات علامت‌خورده را اصلاح کنید.

about-title = مشخصات ناشر، منابع داده و مجوزها
about-lead = ikon را گرداننده‌ی این نصب ارائه می‌کند.
about-data = داده‌های رسمی
about-data-lead = ikon از داده‌های جغرافیایی و آمار رسمی با مجوزهای باز استفاده می‌کند:
about-software = نرم‌افزار
about-software-text = ikon نرم‌افزار آزاد است.

cp-title = مرکز مراجعه
cp-finder-title = یافتن مرکز مراجعه
cp-finder-intro = کجا می‌توانم درباره‌ی ادغام مشاوره بگیرم؟ کد پستی یا محل زندگی و سن خود را وارد کنید.
cp-finder-place = کد پستی یا محل
cp-finder-age = سن
cp-finder-situation = درباره‌ی من
cp-finder-none = هیچ‌کدام
cp-finder-refugee = من پناهنده هستم
cp-finder-young = سن من کمتر از ۲۷ سال است
cp-finder-results = مراکز مراجعه
cp-finder-several = این کد پستی چند شهر را در بر می‌گیرد؛ مراکز مراجعه برای هر شهر جداگانه آمده است.
cp-finder-nothing = هنوز هیچ مرکز مراجعه‌ای برای اینجا تعیین نشده است.

net-breadcrumbs = مسیر صفحه
offer-title = خدمات
offer-edit = ویرایش خدمت
offer-manage = مدیریت
offer-yes = بله
offer-no = خیر
offer-fallback-note = این خدمت هنوز به زبان انتخاب‌شده موجود نیست. متن آلمانی را می‌بینید.
offer-translations = ترجمه‌ها
offer-translation-current = به‌روز
offer-translation-outdated = قدیمی
offer-translation-missing = موجود نیست
offer-status-draft = پیش‌نویس
offer-status-review = در حال بررسی
offer-status-published = منتشرشده
offer-status-archived = بایگانی‌شده
offer-to-draft = بازگشت به پیش‌نویس
offer-to-review = ارسال برای بررسی
offer-to-published = انتشار
offer-to-archived = بایگانی
offer-field-status = وضعیت
offer-field-provider = ارائه‌دهنده
offer-field-field = حوزه
offer-field-type = نوع خدمت
offer-field-target-groups = گروه‌های هدف
offer-field-age = سن
offer-age-from = از { $min } سال
offer-age-up-to = تا { $max } سال
offer-age-range = { $range } سال
offer-field-languages = زبان‌ها
offer-field-cost = هزینه
offer-field-wheelchair = مناسب برای ویلچر
offer-field-appointment = نیاز به وقت قبلی
offer-field-place = مکان
offer-field-street = خیابان و پلاک
offer-field-opening-hours = ساعات کاری
offer-field-phone = تلفن
offer-field-email = ایمیل
offer-field-website = وب‌سایت
offer-field-validity = مدت اعتبار
offer-field-kindergarten = مهدکودک
offer-field-school = مدرسه، هنرستان و آموزش حرفه‌ای
offer-field-work = کار
offer-field-leisure = اوقات فراغت
offer-field-seniors = کار با سالمندان
offer-field-counselling = مشاوره
offer-field-language = زبان
offer-field-health = سلامت
offer-field-housing = مسکن
offer-field-other = سایر
offer-type-mbe = مشاوره‌ی مهاجرت برای بزرگسالان (MBE)
offer-type-jmd = خدمات مهاجرت برای جوانان (JMD)
offer-type-refugee_counselling = مشاوره‌ی پناهندگان و ادغام
offer-type-return_counselling = مشاوره‌ی بازگشت
offer-type-integration_course = دوره‌ی ادغام
offer-type-language_course = دوره‌ی زبان
offer-type-childcare = نگهداری از کودکان
offer-type-school_support = پشتیبانی تحصیلی
offer-type-job_support = پشتیبانی در کار و آموزش حرفه‌ای
offer-type-leisure = فعالیت فراغتی
offer-type-seniors = خدمت برای سالمندان
offer-type-women = خدمت برای زنان
offer-type-families = خدمت برای خانواده‌ها
offer-type-other = خدمت دیگر
offer-group-refugees = پناهندگان
offer-group-eu_citizens = شهروندان اتحادیه‌ی اروپا
offer-group-women = زنان
offer-group-families = خانواده‌ها
offer-group-seniors = سالمندان
offer-group-young_people = جوانان
offer-cost-free = رایگان
offer-cost-reduced = با تخفیف
offer-cost-paid = پولی
fresh-last-verified = آخرین بررسی: { $date }
fresh-stale = مدت‌ها بررسی نشده
fresh-verify = اطلاعات هنوز درست است

# Signed-in navigation (shown in the shared layout)
act-nav-overview = نمای کلی

## The printed Wegweiser (offers::wegweiser)
wegweiser-heading = راهنمای قابل چاپ
wegweiser-hint = همهٔ خدمات منتشرشدهٔ شبکه به‌صورت PDF، مرتب‌شده بر اساس حوزه‌ها، با ساعات کاری و کد QR برای رفتن به صفحهٔ آنلاین.
wegweiser-pdf = PDF
wegweiser-title = راهنمای خدمات
wegweiser-contents = فهرست
wegweiser-as-of = تاریخ
wegweiser-page = صفحه
wegweiser-provider = ارائه‌دهنده
wegweiser-address = نشانی
wegweiser-phone = تلفن
wegweiser-email = ایمیل
wegweiser-website = وب‌سایت
wegweiser-hours = ساعات کاری
wegweiser-languages = زبان‌ها
wegweiser-cost = هزینه
wegweiser-appointment = نیاز به وقت قبلی
wegweiser-online = آنلاین
wegweiser-empty = در حال حاضر هیچ خدمتی منتشر نشده است.
wegweiser-closed-otherwise = در سایر اوقات بسته است

## Weekdays, Monday first
weekday-mon = دوشنبه
weekday-tue = سه‌شنبه
weekday-wed = چهارشنبه
weekday-thu = پنج‌شنبه
weekday-fri = جمعه
weekday-sat = شنبه
weekday-sun = یکشنبه
