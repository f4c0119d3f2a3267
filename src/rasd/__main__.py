from rasd.cli import main

raise SystemExit(main())
