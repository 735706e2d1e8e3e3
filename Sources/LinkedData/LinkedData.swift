// LinkedData: JSON-LD 1.1, RDFC-1.0 and JCS (issue 4).
