search-title = Hizmet ara
search-intro = Göçmenler için danışmanlık, kurs ve diğer hizmetleri bulun – her dilde, MBE, JMD veya Kita gibi kısaltmalarla da.
search-q = Arama kelimeleri
search-q-hint = Örneğin „Deutschkurs“, „Kita“ veya „Migrationsberatung“. Yazım hataları sorun değil.
search-radius = Uzaklık
search-radius-km = { $km } km
search-any = tümü
search-language = Hizmetin dili
search-open-now = Şu an açık
search-free = Ücretsiz
search-results = { $total ->
    [one] 1 hizmet
   *[other] { $total } hizmet
}
search-none = Hizmet bulunamadı. Daha az filtre veya başka arama kelimeleri deneyin.
search-relaxed = Arama kelimelerinizin hepsi aynı hizmette geçmiyor. Kelimelerinizin bir kısmına uyan hizmetler de gösteriliyor ({ $of } kelimeden en az { $at_least }); en uygunlar üstte.
search-did-you-mean = Bunu mu demek istediniz:
search-words-only = Aynı kelimeler, filtresiz
search-whole-field = „{ $field }“ alanındaki tüm hizmetler
search-to-finder = Bulunduğunuz yer için yetkili danışma merkezini bulun
search-places = Yerler
search-map = Hizmetlerin haritası
search-distance = { $km } km uzakta
search-pagination = Sayfalar
search-page = Sayfa { $page } / { $pages }
search-prev = Önceki sayfa
search-next = Sonraki sayfa
search-err-value = „{ $name }“ için geçersiz değer: „{ $value }“. Geçerli değerler: { $valid }.
search-err-region = Bilinmeyen bölge „{ $value }“ (bir eyalet, idari bölge, ilçe veya belediyenin resmî anahtarı beklenir).
search-more-places = ve { $count } yer daha
