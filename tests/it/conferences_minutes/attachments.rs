//! Files on agenda items: checksums, size limit, types.

use super::*;

backend_test!(
    attachments_roundtrip_with_checksums_limit_and_types,
    |app: TestApp| async move {
        let s = setup(&app, -HOUR).await;
        let count = "SELECT COUNT(*) FROM attachments WHERE network_id = $1";
        let pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".to_vec();
        let response = upload(
            &s.coordinator,
            &s.meeting,
            s.public_item,
            "Bericht Übergänge.pdf",
            pdf.clone(),
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let row = sqlx::query(
            "SELECT id, sha256, sha512, size_bytes, mime_type FROM attachments WHERE agenda_item_id = $1",
        )
        .bind(s.public_item)
        .fetch_one(app.db().pool())
        .await
        .unwrap();
        let id: i64 = row.get(0);
        let sha256 = hex::encode(Sha256::digest(&pdf));
        assert_eq!(row.get::<String, _>(1), sha256);
        assert_eq!(row.get::<String, _>(2), hex::encode(Sha512::digest(&pdf)));
        assert_eq!(row.get::<i64, _>(3), pdf.len() as i64);
        assert_eq!(row.get::<String, _>(4), "application/pdf");
        assert_eq!(
            std::fs::read(app.data_dir.join("files").join(&sha256)).unwrap(),
            pdf
        );

        // The agenda lists it; anyone downloads a public file of a public
        // item of a public meeting, byte for byte.
        let page = text_with_status(
            s.coordinator.get(&format!("{}/agenda", s.meeting)).await,
            StatusCode::OK,
        )
        .await;
        let download = format!("{}/agenda/{}/attachments/{id}", s.meeting, s.public_item);
        assert!(page.contains(&download), "{page}");
        let anonymous = app.new_browser();
        let response = anonymous.get(&download).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "application/pdf");
        let disposition = response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .to_string();
        assert!(
            disposition.starts_with("attachment; filename=\"Bericht __berg__nge.pdf\"")
                || disposition.starts_with("attachment; filename=\"Bericht _berg_nge.pdf\""),
            "{disposition}"
        );
        assert!(
            disposition.contains("filename*=UTF-8''Bericht%20%C3%9Cberg%C3%A4nge.pdf"),
            "{disposition}"
        );
        let body = response.bytes().await.unwrap();
        assert_eq!(hex::encode(Sha256::digest(&body)), sha256);

        // A file of an internal item: members only.
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        let response = upload(&s.coordinator, &s.meeting, s.internal_item, "plan.png", png).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let internal: i64 = scalar(
            &app,
            "SELECT id FROM attachments WHERE agenda_item_id = $1",
            s.internal_item,
        )
        .await;
        let internal_download = format!(
            "{}/agenda/{}/attachments/{internal}",
            s.meeting, s.internal_item
        );
        let response = anonymous.get(&internal_download).await;
        assert!(to_login(&response), "{:?}", response.status());
        let member = member(&app, &s.logins).await;
        let response = member.get(&internal_download).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "image/png");

        // Over the limit, a disallowed type, content that does not match
        // the extension: clear refusals, nothing stored.
        let before = (
            scalar(&app, count, s.logins.network_id).await,
            stored_files(&app),
        );
        let limit = app.app.config.max_upload_bytes;
        let mut big = b"%PDF-1.7\n".to_vec();
        big.resize(limit + 1, b' ');
        let response = upload(&s.coordinator, &s.meeting, s.public_item, "gross.pdf", big).await;
        let page = text_with_status(response, StatusCode::PAYLOAD_TOO_LARGE).await;
        assert!(page.contains("zu groß"), "{page}");
        let response = upload(
            &s.coordinator,
            &s.meeting,
            s.public_item,
            "tool.exe",
            b"MZ\x90\0\x03".to_vec(),
        )
        .await;
        let page = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(page.contains("nicht erlaubt"), "{page}");
        let response = upload(
            &s.coordinator,
            &s.meeting,
            s.public_item,
            "getarnt.pdf",
            b"MZ\x90\0\x03".to_vec(),
        )
        .await;
        text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(
            (
                scalar(&app, count, s.logins.network_id).await,
                stored_files(&app)
            ),
            before
        );
        // Members do not upload.
        let response = upload(
            &member,
            &s.meeting,
            s.public_item,
            "x.txt",
            b"Hallo".to_vec(),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);

        // Removing keeps the row (deleted_at) and ends the download.
        let response = s
            .coordinator
            .post_form(&format!("{download}/delete"), &[])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let deleted = scalar(
            &app,
            "SELECT COUNT(*) FROM attachments WHERE id = $1 AND deleted_at IS NOT NULL",
            id,
        )
        .await;
        assert_eq!(deleted, 1);
        let response = anonymous.get(&download).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
);
