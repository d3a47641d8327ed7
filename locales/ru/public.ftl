# Public pages in Russian. Missing messages fall back to German.

nav-skip = Перейти к содержанию
nav-main = Главная навигация
nav-finder = Найти консультацию
nav-search = Поиск предложений
nav-networks = Сети
nav-regions = Места и регионы
nav-admin = Администрирование
nav-login = Войти
nav-logout = Выйти
nav-language = Язык
nav-about = Выходные данные, источники данных и лицензии
nav-coverage = Охват
lang-internal-note = Эта страница доступна только на таком языке: { $lang }.

home-title = ikon – сети интеграции
home-lead = ikon – общая платформа конференций по интеграции: кто в районе работает над интеграцией мигрантов, кто за что отвечает и где можно получить консультацию.
home-networks = Сети
home-no-networks = Ещё не создано ни одной сети.
home-find-place = Найти место или почтовый индекс
network-member-count = { $count ->
    [one] { $count } участник
    [few] { $count } участника
   *[other] { $count } участников
}
regions-search-label = Место, район или почтовый индекс
action-search = Искать
form-has-errors = Пожалуйста, исправьте отмеченные данные.

about-title = Выходные данные, источники данных и лицензии
about-lead = ikon предоставляет оператор этой установки.
about-data = Официальные данные
about-data-lead = ikon использует официальные геоданные и статистику с открытыми лицензиями:
about-software = Программа
about-software-text = ikon – свободная программа.

cp-title = Контактный пункт
cp-finder-title = Найти контактный пункт
cp-finder-intro = Где я могу получить консультацию по вопросам интеграции? Введите свой почтовый индекс или населённый пункт и свой возраст.
cp-finder-place = Почтовый индекс или населённый пункт
cp-finder-age = Возраст
cp-finder-situation = Обо мне
cp-finder-none = Ничего из этого
cp-finder-refugee = Я беженец / беженка
cp-finder-young = Мне меньше 27 лет
cp-finder-results = Контактные пункты
cp-finder-several = Этот почтовый индекс охватывает несколько общин; контактные пункты указаны для каждой из них.
cp-finder-nothing = Здесь ещё не назначен контактный пункт.

net-breadcrumbs = Путь навигации
offer-title = Предложения
offer-edit = Редактировать предложение
offer-manage = Управление
offer-yes = да
offer-no = нет
offer-fallback-note = Это предложение пока недоступно на выбранном языке. Вы видите немецкий текст.
offer-translations = Переводы
offer-translation-current = актуален
offer-translation-outdated = устарел
offer-translation-missing = отсутствует
offer-status-draft = Черновик
offer-status-review = На проверке
offer-status-published = Опубликовано
offer-status-archived = В архиве
offer-to-draft = Вернуть в черновик
offer-to-review = Отправить на проверку
offer-to-published = Опубликовать
offer-to-archived = Архивировать
offer-field-status = Статус
offer-field-provider = Организация
offer-field-field = Сфера
offer-field-type = Вид предложения
offer-field-target-groups = Целевые группы
offer-field-age = Возраст
offer-age-from = от { $min } лет
offer-age-up-to = до { $max } лет
offer-age-range = { $range } лет
offer-open-now = Сейчас открыто
offer-open-until = Сейчас открыто, до { $time }
offer-closed-now = Сейчас закрыто
offer-opens-today = Сейчас закрыто – откроется сегодня в { $time }
offer-opens-on = Сейчас закрыто – открытие: { $day }, { $time }
offer-field-languages = Языки
offer-field-cost = Стоимость
offer-field-wheelchair = Доступно для инвалидных колясок
offer-field-appointment = Нужна запись
offer-field-place = Место
offer-field-street = Улица и номер дома
offer-field-opening-hours = Часы работы
offer-field-phone = Телефон
offer-field-email = Электронная почта
offer-field-website = Сайт
offer-field-validity = Срок действия
offer-field-kindergarten = Детский сад
offer-field-school = Школа, профессиональное училище и обучение профессии
offer-field-work = Работа
offer-field-leisure = Досуг
offer-field-seniors = Работа с пожилыми людьми
offer-field-counselling = Консультирование
offer-field-language = Язык
offer-field-health = Здоровье
offer-field-housing = Жильё
offer-field-other = Другое
offer-type-mbe = Миграционная консультация для взрослых (MBE)
offer-type-jmd = Миграционная служба для молодёжи (JMD)
offer-type-refugee_counselling = Консультация для беженцев и по вопросам интеграции
offer-type-return_counselling = Консультация по возвращению
offer-type-integration_course = Интеграционный курс
offer-type-language_course = Языковой курс
offer-type-childcare = Присмотр за детьми
offer-type-school_support = Школьная поддержка
offer-type-job_support = Поддержка в работе и обучении профессии
offer-type-leisure = Досуг
offer-type-seniors = Предложение для пожилых людей
offer-type-women = Предложение для женщин
offer-type-families = Предложение для семей
offer-type-other = Другое предложение
offer-group-refugees = Беженцы
offer-group-eu_citizens = Граждане ЕС
offer-group-women = Женщины
offer-group-families = Семьи
offer-group-seniors = Пожилые люди
offer-group-young_people = Молодёжь
offer-cost-free = бесплатно
offer-cost-reduced = со скидкой
offer-cost-paid = платно
fresh-last-verified = Последняя проверка: { $date }
fresh-stale = Давно не проверялось
fresh-verify = Данные всё ещё верны

# Signed-in navigation (shown in the shared layout)
act-nav-overview = Обзор

## The printed Wegweiser (offers::wegweiser)
wegweiser-heading = Справочник для печати
wegweiser-hint = Все опубликованные предложения сети в формате PDF, по сферам деятельности, с часами работы и QR-кодом для перехода к записи онлайн.
wegweiser-pdf = PDF
wegweiser-title = Справочник
wegweiser-contents = Содержание
wegweiser-as-of = По состоянию на
wegweiser-page = Страница
wegweiser-provider = Организация
wegweiser-address = Адрес
wegweiser-phone = Телефон
wegweiser-email = Электронная почта
wegweiser-website = Сайт
wegweiser-hours = Часы работы
wegweiser-languages = Языки
wegweiser-cost = Стоимость
wegweiser-appointment = Нужна запись
wegweiser-online = Онлайн
wegweiser-empty = Сейчас нет опубликованных предложений.
wegweiser-closed-otherwise = в остальное время закрыто

## Weekdays, Monday first
weekday-mon = Понедельник
weekday-tue = Вторник
weekday-wed = Среда
weekday-thu = Четверг
weekday-fri = Пятница
weekday-sat = Суббота
weekday-sun = Воскресенье
offer-none = Предложений не найдено.
offer-field-postal-code = Почтовый индекс
offer-field-area = Территория обслуживания
offer-area-whole = Весь { $kreis }
