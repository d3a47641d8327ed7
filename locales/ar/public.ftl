# Public pages in Arabic. Missing messages fall back to German.

nav-skip = انتقل إلى المحتوى
nav-main = التنقل الرئيسي
nav-finder = العثور على استشارة
nav-search = البحث عن العروض
nav-networks = الشبكات
nav-regions = الأماكن والمناطق
nav-admin = الإدارة
nav-login = تسجيل الدخول
nav-logout = تسجيل الخروج
nav-language = اللغة
nav-about = بيانات الناشر ومصادر البيانات والتراخيص
nav-coverage = التغطية
lang-internal-note = هذه الصفحة متوفرة فقط بلغة: { $lang }.

home-title = ikon – شبكات الاندماج
home-lead = ikon هي المنصة المشتركة لمؤتمرات الاندماج: من يعمل في المقاطعة على اندماج المهاجرين، ومن المسؤول عن ماذا، وأين توجد الاستشارة.
home-networks = الشبكات
home-no-networks = لا توجد شبكة بعد.
home-find-place = ابحث عن مكان أو رمز بريدي
network-member-count = { $count ->
    [one] عضو واحد
   *[other] عدد الأعضاء: { $count }
}
regions-search-label = المكان أو المقاطعة أو الرمز البريدي
action-search = بحث
form-has-errors = يرجى تصحيح البيانات المحددة.

about-title = بيانات الناشر ومصادر البيانات والتراخيص
about-lead = يقدّم ikon مشغّلُ هذا الموقع.
about-data = البيانات الرسمية
about-data-lead = يستخدم ikon بيانات جغرافية وإحصاءات رسمية بتراخيص مفتوحة:
about-software = البرنامج
about-software-text = ikon برنامج حر.

cp-title = نقطة اتصال
cp-finder-title = ابحث عن نقطة اتصال
cp-finder-intro = أين أحصل على استشارة حول الاندماج؟ أدخل رمزك البريدي أو مدينتك وعمرك.
cp-finder-place = الرمز البريدي أو المدينة
cp-finder-age = العمر
cp-finder-situation = عني
cp-finder-none = لا شيء مما سبق
cp-finder-refugee = أنا لاجئ أو لاجئة
cp-finder-young = عمري أقل من 27 سنة
cp-finder-results = نقاط الاتصال
cp-finder-several = هذا الرمز البريدي يشمل عدة بلديات؛ نقاط الاتصال مذكورة لكل بلدية.
cp-finder-nothing = لم تُحدَّد هنا نقطة اتصال بعد.

net-breadcrumbs = مسار التنقل
offer-title = العروض
offer-edit = تعديل العرض
offer-manage = الإدارة
offer-yes = نعم
offer-no = لا
offer-fallback-note = هذا العرض غير متوفر بعد باللغة المختارة. أنت ترى النص الألماني.
offer-translations = الترجمات
offer-translation-current = محدّثة
offer-translation-outdated = قديمة
offer-translation-missing = غير موجودة
offer-status-draft = مسودة
offer-status-review = قيد المراجعة
offer-status-published = منشور
offer-status-archived = مؤرشف
offer-to-draft = إعادة إلى المسودة
offer-to-review = إرسال للمراجعة
offer-to-published = نشر
offer-to-archived = أرشفة
offer-field-status = الحالة
offer-field-provider = الجهة المقدمة
offer-field-field = المجال
offer-field-type = نوع العرض
offer-field-target-groups = الفئات المستهدفة
offer-field-age = العمر
offer-age-from = من { $min } سنة
offer-age-up-to = حتى { $max } سنة
offer-age-range = { $range } سنة
offer-field-languages = اللغات
offer-field-cost = التكلفة
offer-field-wheelchair = مناسب للكراسي المتحركة
offer-field-appointment = يلزم حجز موعد
offer-field-place = المكان
offer-field-street = الشارع ورقم المبنى
offer-field-opening-hours = أوقات العمل
offer-field-phone = الهاتف
offer-field-email = البريد الإلكتروني
offer-field-website = الموقع الإلكتروني
offer-field-validity = مدة الصلاحية
offer-field-kindergarten = روضة الأطفال
offer-field-school = المدرسة والمدرسة المهنية والتدريب المهني
offer-field-work = العمل
offer-field-leisure = وقت الفراغ
offer-field-seniors = العمل مع كبار السن
offer-field-counselling = الاستشارة
offer-field-language = اللغة
offer-field-health = الصحة
offer-field-housing = السكن
offer-field-other = أخرى
offer-type-mbe = استشارة الهجرة للبالغين (MBE)
offer-type-jmd = خدمة الهجرة للشباب (JMD)
offer-type-refugee_counselling = استشارة اللاجئين والاندماج
offer-type-return_counselling = استشارة العودة
offer-type-integration_course = دورة الاندماج
offer-type-language_course = دورة لغة
offer-type-childcare = رعاية الأطفال
offer-type-school_support = دعم مدرسي
offer-type-job_support = دعم في العمل والتدريب المهني
offer-type-leisure = نشاط ترفيهي
offer-type-seniors = عرض لكبار السن
offer-type-women = عرض للنساء
offer-type-families = عرض للعائلات
offer-type-other = عرض آخر
offer-group-refugees = اللاجئون
offer-group-eu_citizens = مواطنو الاتحاد الأوروبي
offer-group-women = النساء
offer-group-families = العائلات
offer-group-seniors = كبار السن
offer-group-young_people = الشباب
offer-cost-free = مجاني
offer-cost-reduced = مخفّض
offer-cost-paid = مدفوع
fresh-last-verified = آخر تحقق: { $date }
fresh-stale = لم يُتحقق منه منذ مدة طويلة
fresh-verify = البيانات ما زالت صحيحة

# Signed-in navigation (shown in the shared layout)
act-nav-overview = نظرة عامة

## The printed Wegweiser (offers::wegweiser)
wegweiser-heading = دليل للطباعة
wegweiser-hint = جميع العروض المنشورة للشبكة كملف PDF، مرتبة حسب مجالات العمل، مع أوقات الدوام ورمز QR يؤدي إلى الصفحة على الإنترنت.
wegweiser-pdf = PDF
wegweiser-title = دليل الخدمات
wegweiser-contents = المحتويات
wegweiser-as-of = بتاريخ
wegweiser-page = صفحة
wegweiser-provider = الجهة المقدمة
wegweiser-address = العنوان
wegweiser-phone = الهاتف
wegweiser-email = البريد الإلكتروني
wegweiser-website = الموقع الإلكتروني
wegweiser-hours = أوقات الدوام
wegweiser-languages = اللغات
wegweiser-cost = التكلفة
wegweiser-appointment = يلزم حجز موعد
wegweiser-online = عبر الإنترنت
wegweiser-empty = لا توجد عروض منشورة حاليًا.
wegweiser-closed-otherwise = مغلق في الأوقات الأخرى

## Weekdays, Monday first
weekday-mon = الاثنين
weekday-tue = الثلاثاء
weekday-wed = الأربعاء
weekday-thu = الخميس
weekday-fri = الجمعة
weekday-sat = السبت
weekday-sun = الأحد
