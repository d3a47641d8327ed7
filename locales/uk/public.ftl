# Public pages in Ukrainian. Missing messages fall back to German.

nav-skip = Перейти до змісту
nav-main = Головна навігація
nav-finder = Знайти консультацію
nav-search = Пошук пропозицій
nav-networks = Мережі
nav-regions = Місця та регіони
nav-admin = Адміністрування
nav-login = Увійти
nav-logout = Вийти
nav-language = Мова
nav-about = Вихідні дані, джерела даних і ліцензії
nav-coverage = Охоплення
lang-internal-note = Ця сторінка доступна лише такою мовою: { $lang }.

home-title = ikon – мережі інтеграції
home-lead = ikon – спільна платформа конференцій з інтеграції: хто в районі працює над інтеграцією мігрантів, хто за що відповідає і де можна отримати консультацію.
home-networks = Мережі
home-no-networks = Ще не створено жодної мережі.
home-find-place = Знайти місце або поштовий індекс
network-member-count = { $count ->
    [one] { $count } учасник
    [few] { $count } учасники
   *[other] { $count } учасників
}
regions-search-label = Місце, район або поштовий індекс
action-search = Шукати
form-has-errors = Будь ласка, виправте позначені дані.

about-title = Вихідні дані, джерела даних і ліцензії
about-lead = ikon надає оператор цієї інсталяції.
about-data = Офіційні дані
about-data-lead = ikon використовує офіційні геодані та статистику з відкритими ліцензіями:
about-software = Програмне забезпечення
about-software-text = ikon – вільне програмне забезпечення.

cp-title = Контактний пункт
cp-finder-title = Знайти контактний пункт
cp-finder-intro = Де я можу отримати консультацію з питань інтеграції? Введіть свій поштовий індекс або населений пункт і свій вік.
cp-finder-place = Поштовий індекс або населений пункт
cp-finder-age = Вік
cp-finder-situation = Про мене
cp-finder-none = Нічого з цього
cp-finder-refugee = Я біженець / біженка
cp-finder-young = Мені менше 27 років
cp-finder-results = Контактні пункти
cp-finder-several = Цей поштовий індекс охоплює кілька громад; контактні пункти вказано для кожної з них.
cp-finder-nothing = Тут ще не визначено контактного пункту.

net-breadcrumbs = Шлях навігації
offer-title = Пропозиції
offer-edit = Редагувати пропозицію
offer-manage = Керування
offer-yes = так
offer-no = ні
offer-fallback-note = Ця пропозиція ще недоступна вибраною мовою. Ви бачите німецький текст.
offer-translations = Переклади
offer-translation-current = актуальний
offer-translation-outdated = застарілий
offer-translation-missing = відсутній
offer-status-draft = Чернетка
offer-status-review = На перевірці
offer-status-published = Опубліковано
offer-status-archived = В архіві
offer-to-draft = Повернути в чернетку
offer-to-review = Надіслати на перевірку
offer-to-published = Опублікувати
offer-to-archived = Архівувати
offer-field-status = Статус
offer-field-provider = Надавач
offer-field-field = Сфера
offer-field-type = Вид пропозиції
offer-field-target-groups = Цільові групи
offer-field-age = Вік
offer-age-from = від { $min } років
offer-age-up-to = до { $max } років
offer-age-range = { $range } років
offer-open-now = Зараз відчинено
offer-open-until = Зараз відчинено, до { $time }
offer-closed-now = Зараз зачинено
offer-opens-today = Зараз зачинено – відчиняється сьогодні о { $time }
offer-opens-on = Зараз зачинено – відкриття: { $day }, { $time }
offer-field-languages = Мови
offer-field-cost = Вартість
offer-field-wheelchair = Доступно для візків
offer-field-appointment = Потрібен запис
offer-field-place = Місце
offer-field-street = Вулиця та номер будинку
offer-field-opening-hours = Години роботи
offer-field-phone = Телефон
offer-field-email = Електронна пошта
offer-field-website = Вебсайт
offer-field-validity = Термін дії
offer-field-kindergarten = Дитячий садок
offer-field-school = Школа, професійна школа та навчання
offer-field-work = Робота
offer-field-leisure = Дозвілля
offer-field-seniors = Робота з літніми людьми
offer-field-counselling = Консультування
offer-field-language = Мова
offer-field-health = Здоров’я
offer-field-housing = Житло
offer-field-other = Інше
offer-type-mbe = Міграційне консультування для дорослих (MBE)
offer-type-jmd = Міграційна служба для молоді (JMD)
offer-type-refugee_counselling = Консультування біженців та з питань інтеграції
offer-type-return_counselling = Консультування щодо повернення
offer-type-integration_course = Інтеграційний курс
offer-type-language_course = Мовний курс
offer-type-childcare = Догляд за дітьми
offer-type-school_support = Шкільна підтримка
offer-type-job_support = Підтримка в роботі та професійному навчанні
offer-type-leisure = Дозвілля
offer-type-seniors = Пропозиція для літніх людей
offer-type-women = Пропозиція для жінок
offer-type-families = Пропозиція для сімей
offer-type-other = Інша пропозиція
offer-group-refugees = Біженці
offer-group-eu_citizens = Громадяни ЄС
offer-group-women = Жінки
offer-group-families = Сім’ї
offer-group-seniors = Літні люди
offer-group-young_people = Молодь
offer-cost-free = безкоштовно
offer-cost-reduced = зі знижкою
offer-cost-paid = платно
fresh-last-verified = Остання перевірка: { $date }
fresh-stale = Давно не перевірялося
fresh-verify = Дані досі актуальні

# Signed-in navigation (shown in the shared layout)
act-nav-overview = Огляд

## The printed Wegweiser (offers::wegweiser)
wegweiser-heading = Довідник для друку
wegweiser-hint = Усі опубліковані пропозиції мережі у форматі PDF, упорядковані за сферами, з годинами роботи та QR-кодом до запису онлайн.
wegweiser-pdf = PDF
wegweiser-title = Довідник
wegweiser-contents = Зміст
wegweiser-as-of = Станом на
wegweiser-page = Сторінка
wegweiser-provider = Організація
wegweiser-address = Адреса
wegweiser-phone = Телефон
wegweiser-email = Електронна пошта
wegweiser-website = Вебсайт
wegweiser-hours = Години роботи
wegweiser-languages = Мови
wegweiser-cost = Вартість
wegweiser-appointment = Потрібен запис
wegweiser-online = Онлайн
wegweiser-empty = Наразі немає опублікованих пропозицій.
wegweiser-closed-otherwise = в інший час зачинено

## Weekdays, Monday first
weekday-mon = Понеділок
weekday-tue = Вівторок
weekday-wed = Середа
weekday-thu = Четвер
weekday-fri = Пʼятниця
weekday-sat = Субота
weekday-sun = Неділя
offer-none = Пропозицій не знайдено.
offer-field-postal-code = Поштовий індекс
offer-field-area = Територія обслуговування
offer-area-whole = Увесь { $kreis }
