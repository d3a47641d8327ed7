# Public pages in Turkish. Missing messages fall back to German.

nav-skip = İçeriğe geç
nav-main = Ana menü
nav-finder = Danışmanlık bul
nav-search = Hizmet ara
nav-networks = Ağlar
nav-regions = Yerler ve bölgeler
nav-admin = Yönetim
nav-login = Giriş yap
nav-logout = Çıkış yap
nav-language = Dil
nav-about = Künye, veri kaynakları ve lisanslar
nav-coverage = Kapsam
lang-internal-note = Bu sayfa yalnızca şu dilde var: { $lang }.

home-title = ikon – Entegrasyon ağları
home-lead = ikon, entegrasyon konferanslarının ortak platformudur: ilçede göçmenlerin entegrasyonu için kim çalışıyor, kim neden sorumlu ve nerede danışmanlık var.
home-networks = Ağlar
home-no-networks = Henüz bir ağ oluşturulmadı.
home-find-place = Yer veya posta kodu bul
network-member-count = { $count ->
    [one] bir üye
   *[other] { $count } üye
}
regions-search-label = Yer, ilçe veya posta kodu
action-search = Ara
form-has-errors = Lütfen işaretli bilgileri düzeltin.

about-title = Künye, veri kaynakları ve lisanslar
about-lead = ikon bu kurulumun işletmecisi tarafından sunulur.
about-data = Resmî veriler
about-data-lead = ikon açık lisanslı resmî coğrafi veriler ve istatistikler kullanır:
about-software = Yazılım
about-software-text = ikon özgür bir yazılımdır.

cp-title = Başvuru noktası
cp-finder-title = Başvuru noktası bul
cp-finder-intro = Entegrasyon konusunda nereden danışmanlık alabilirim? Posta kodunuzu veya yerleşim yerinizi ve yaşınızı girin.
cp-finder-place = Posta kodu veya yer
cp-finder-age = Yaş
cp-finder-situation = Hakkımda
cp-finder-none = Hiçbiri
cp-finder-refugee = Mülteciyim
cp-finder-young = 27 yaşından küçüğüm
cp-finder-results = Başvuru noktaları
cp-finder-several = Bu posta kodu birden fazla belediyeyi kapsıyor; başvuru noktaları her belediye için ayrı gösterilir.
cp-finder-nothing = Burada henüz bir başvuru noktası belirlenmedi.

net-breadcrumbs = Gezinti yolu
offer-title = Hizmetler
offer-edit = Hizmeti düzenle
offer-manage = Yönetim
offer-yes = evet
offer-no = hayır
offer-fallback-note = Bu hizmet seçilen dilde henüz yok. Almanca metni görüyorsunuz.
offer-translations = Çeviriler
offer-translation-current = güncel
offer-translation-outdated = eski
offer-translation-missing = yok
offer-status-draft = Taslak
offer-status-review = İncelemede
offer-status-published = Yayında
offer-status-archived = Arşivde
offer-to-draft = Taslağa geri al
offer-to-review = İncelemeye gönder
offer-to-published = Yayınla
offer-to-archived = Arşivle
offer-field-status = Durum
offer-field-provider = Sunan kurum
offer-field-field = Alan
offer-field-type = Hizmet türü
offer-field-target-groups = Hedef gruplar
offer-field-age = Yaş
offer-age-from = { $min } yaşından itibaren
offer-age-up-to = { $max } yaşına kadar
offer-age-range = { $range } yaş
offer-field-languages = Diller
offer-field-cost = Ücret
offer-field-wheelchair = Tekerlekli sandalyeye uygun
offer-field-appointment = Randevu gerekli
offer-field-place = Yer
offer-field-street = Sokak ve bina numarası
offer-field-opening-hours = Açılış saatleri
offer-field-phone = Telefon
offer-field-email = E-posta
offer-field-website = İnternet sitesi
offer-field-validity = Geçerlilik
offer-field-kindergarten = Anaokulu
offer-field-school = Okul, meslek okulu ve meslek eğitimi
offer-field-work = Çalışma
offer-field-leisure = Boş zaman
offer-field-seniors = Yaşlılarla çalışma
offer-field-counselling = Danışmanlık
offer-field-language = Dil
offer-field-health = Sağlık
offer-field-housing = Konut
offer-field-other = Diğer
offer-type-mbe = Yetişkinler için göç danışmanlığı (MBE)
offer-type-jmd = Gençler için göç hizmeti (JMD)
offer-type-refugee_counselling = Mülteci ve entegrasyon danışmanlığı
offer-type-return_counselling = Geri dönüş danışmanlığı
offer-type-integration_course = Entegrasyon kursu
offer-type-language_course = Dil kursu
offer-type-childcare = Çocuk bakımı
offer-type-school_support = Okul desteği
offer-type-job_support = İş ve meslek eğitimi desteği
offer-type-leisure = Boş zaman etkinliği
offer-type-seniors = Yaşlılar için hizmet
offer-type-women = Kadınlar için hizmet
offer-type-families = Aileler için hizmet
offer-type-other = Diğer hizmet
offer-group-refugees = Mülteciler
offer-group-eu_citizens = AB vatandaşları
offer-group-women = Kadınlar
offer-group-families = Aileler
offer-group-seniors = Yaşlılar
offer-group-young_people = Gençler
offer-cost-free = ücretsiz
offer-cost-reduced = indirimli
offer-cost-paid = ücretli
fresh-last-verified = Son kontrol: { $date }
fresh-stale = Uzun süredir kontrol edilmedi
fresh-verify = Bilgiler hâlâ doğru

# Signed-in navigation (shown in the shared layout)
act-nav-overview = Genel bakış

## The printed Wegweiser (offers::wegweiser)
wegweiser-heading = Yazdırılabilir rehber
wegweiser-hint = Ağın yayımlanmış tüm hizmetleri PDF olarak: alanlara göre sıralı, çalışma saatleri ve çevrim içi kayda giden QR koduyla.
wegweiser-pdf = PDF
wegweiser-title = Rehber
wegweiser-contents = İçindekiler
wegweiser-as-of = Tarih
wegweiser-page = Sayfa
wegweiser-provider = Kurum
wegweiser-address = Adres
wegweiser-phone = Telefon
wegweiser-email = E-posta
wegweiser-website = İnternet sitesi
wegweiser-hours = Açılış saatleri
wegweiser-languages = Diller
wegweiser-cost = Ücret
wegweiser-appointment = Randevu gerekli
wegweiser-online = Çevrimiçi
wegweiser-empty = Şu anda yayınlanmış bir hizmet yok.
wegweiser-closed-otherwise = diğer zamanlarda kapalı

## Weekdays, Monday first
weekday-mon = Pazartesi
weekday-tue = Salı
weekday-wed = Çarşamba
weekday-thu = Perşembe
weekday-fri = Cuma
weekday-sat = Cumartesi
weekday-sun = Pazar
