search-title = البحث عن عروض
search-intro = ابحث عن الاستشارات والدورات وغيرها من العروض للمهاجرين – بأي لغة، وأيضًا باختصارات مثل MBE أو JMD أو Kita.
search-q = كلمات البحث
search-q-hint = مثلًا „Deutschkurs“ أو „Kita“ أو „Migrationsberatung“. الأخطاء الإملائية لا تشكّل مشكلة.
search-radius = المسافة
search-radius-km = { $km } كم
search-any = الكل
search-language = لغة العرض
search-open-now = مفتوح الآن
search-free = مجاني
search-results = { $total ->
    [one] عرض واحد
   *[other] { $total } عروض
}
search-none = لم يتم العثور على عروض. جرّب عددًا أقل من المرشّحات أو كلمات بحث أخرى.
search-relaxed = لا توجد كل كلمات بحثك معًا في عرض واحد. تُعرض أيضًا العروض التي تطابق بعض كلماتك (على الأقل { $at_least } من { $of })؛ الأنسب أولًا.
search-did-you-mean = هل تقصد:
search-words-only = الكلمات نفسها بدون مرشّحات
search-whole-field = كل العروض في مجال „{ $field }“
search-to-finder = اعثر على جهة الاتصال المختصة بمكانك
search-places = الأماكن
search-map = خريطة العروض
search-distance = على بعد { $km } كم
search-pagination = الصفحات
search-page = الصفحة { $page } من { $pages }
search-prev = الصفحة السابقة
search-next = الصفحة التالية
search-err-value = قيمة غير صالحة لـ „{ $name }“: „{ $value }“. القيم الصالحة: { $valid }.
search-err-region = منطقة غير معروفة „{ $value }“ (المتوقع رمز رسمي لولاية أو دائرة حكومية أو مقاطعة أو بلدية).
search-more-places = و{ $count } أماكن أخرى
